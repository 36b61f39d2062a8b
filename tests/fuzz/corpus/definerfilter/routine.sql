CREATE DEFINER=`root`@`localhost` PROCEDURE `p`()
SELECT 'a
CREATE DEFINER=`x`@`y` FUNCTION f'
;;
