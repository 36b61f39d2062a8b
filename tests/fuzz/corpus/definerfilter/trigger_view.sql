/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER tr BEFORE INSERT ON g FOR EACH ROW SET NEW.n = 'DEFINER=`a`@`b`' */;;
/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */
-- it's a comment
INSERT INTO `t` VALUES (1,'x\'y'),(2,0xFF00);
/* block ' */ CREATE DEFINER='u'@'%' VIEW v
