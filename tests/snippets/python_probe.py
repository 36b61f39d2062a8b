# SPDX-License-Identifier: MIT
"""Feeds a generated snippet or URL to the real Python parsers and prints what they read, as JSON.

stdin: {"mode": ..., "text": ..., "env": {...}}; stdout: the fields. Used by tst_snippetparsers.
Modes: dj_parse (dj_database_url.parse), make_url (sqlalchemy.engine.make_url), exec_django and
exec_sqlalchemy (run the snippet code, read DATABASES / engine.url), yaml (yaml.safe_load).
"""
import json
import os
import sys


def fields_of_url(url):
    query = {}
    for key, value in url.query.items():
        query[key] = list(value) if isinstance(value, tuple) else value
    return {"drivername": url.drivername, "username": url.username, "password": url.password,
            "host": url.host, "port": url.port, "database": url.database, "query": query}


def django_fields(settings):
    db = settings["default"]
    return {"ENGINE": db.get("ENGINE"), "NAME": db["NAME"], "USER": db["USER"], "PASSWORD": db["PASSWORD"],
            "HOST": db["HOST"], "PORT": str(db["PORT"]) if db["PORT"] != "" else "",
            "CONN_MAX_AGE": db.get("CONN_MAX_AGE"), "OPTIONS": db.get("OPTIONS", {})}


def main():
    request = json.load(sys.stdin)
    os.environ.update(request.get("env", {}))
    mode, text = request["mode"], request["text"]
    if mode == "dj_parse":
        import dj_database_url
        result = django_fields({"default": dj_database_url.parse(text)})
    elif mode == "make_url":
        from sqlalchemy.engine import make_url
        result = fields_of_url(make_url(text))
    elif mode == "exec_django":
        scope = {}
        exec(compile(text, "settings.py", "exec"), scope)
        result = django_fields(scope["DATABASES"])
    elif mode == "exec_sqlalchemy":
        scope = {}
        exec(compile(text, "snippet.py", "exec"), scope)
        result = fields_of_url(scope["engine"].url)
    elif mode == "yaml":
        import yaml
        result = yaml.safe_load(text)
    else:
        raise SystemExit("unknown mode " + mode)
    json.dump(result, sys.stdout, ensure_ascii=False)


main()
