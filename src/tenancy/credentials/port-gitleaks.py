#!/usr/bin/env python3
"""Writes gitleaks-rules.json from gitleaks' own config/gitleaks.toml (the maintained rule set).

Usage: port-gitleaks.py <gitleaks.toml> <gitleaks commit> > gitleaks-rules.json

Only the rules listed in RULES are ported, unchanged but for the syntax JavaScript spells
differently: a leading (?i) becomes the `i` flag, (?P<name> becomes (?<name>, \\z becomes $.
Each rule keeps its keywords, entropy threshold, secretGroup and allowlists (regexes and stopwords).
"""
import json
import re
import sys
import tomllib

RULES = [
    "aws-access-token",
    "gcp-api-key",
    "github-app-token",
    "github-fine-grained-pat",
    "github-oauth",
    "github-pat",
    "github-refresh-token",
    "gitlab-deploy-token",
    "gitlab-pat",
    "gitlab-pat-routable",
    "gitlab-ptt",
    "gitlab-rrt",
    "npm-access-token",
    "pypi-upload-token",
    "private-key",
    "jwt",
    "slack-app-token",
    "slack-bot-token",
    "slack-config-access-token",
    "slack-config-refresh-token",
    "slack-legacy-bot-token",
    "slack-legacy-token",
    "slack-legacy-workspace-token",
    "slack-user-token",
    "slack-webhook-url",
    "stripe-access-token",
    "generic-api-key",
]


def js_regex(go: str) -> dict:
    flags = ""
    if go.startswith("(?i)"):
        flags = "i"
        go = go[4:]
    if "(?i)" in go or "(?s)" in go or "(?m)" in go:
        raise SystemExit(f"unported inline flag in {go!r}")
    go = go.replace("(?P<", "(?<").replace("\\z", "$")
    return {"source": go, "flags": flags}


def main() -> None:
    path, commit = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        config = tomllib.load(f)
    by_id = {r["id"]: r for r in config["rules"]}
    out = []
    for rule_id in RULES:
        r = by_id[rule_id]
        rule = {"id": rule_id, "description": r["description"], "regex": js_regex(r["regex"])}
        if r.get("keywords"):
            rule["keywords"] = [k.lower() for k in r["keywords"]]
        if "entropy" in r:
            rule["entropy"] = r["entropy"]
        if "secretGroup" in r:
            rule["secretGroup"] = r["secretGroup"]
        allowlists = []
        for a in r.get("allowlists", []):
            if a.get("paths") or a.get("commits"):
                continue  # about files and commits, not about a value
            allowlists.append({
                "regexTarget": a.get("regexTarget", "secret"),
                "condition": a.get("condition", "OR"),
                "regexes": [js_regex(x) for x in a.get("regexes", [])],
                "stopwords": a.get("stopwords", []),
            })
        if allowlists:
            rule["allowlists"] = allowlists
        out.append(rule)
    doc = {
        "source": f"https://github.com/gitleaks/gitleaks/blob/{commit}/config/gitleaks.toml",
        "license": "MIT (gitleaks)",
        "rules": out,
    }
    json.dump(doc, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


main()
