#!/usr/bin/env python3
"""Checks that standard input is valid Prometheus text exposition format (0.0.4).

Every line must be a `# HELP name text`, a `# TYPE name type`, another comment, blank, or a
sample `name{label="value",...} value [timestamp]`: names and label names valid, label
values using only the escapes \\\\, \\" and \\n, each family's TYPE given once and before its
samples, every value a number. Prints the samples as a JSON list of
{"name", "labels", "value"} (and the types as {"types": ...}) on success; on the first
violation prints "line N: problem" on stderr and exits with status 1.
"""
import json
import math
import re
import sys

METRIC_NAME = re.compile(r"[a-zA-Z_:][a-zA-Z0-9_:]*\Z")
LABEL_NAME = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*\Z")
NUMBER = re.compile(r"[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)\Z")
TYPES = {"counter", "gauge", "histogram", "summary", "untyped"}


class Violation(Exception):
    pass


def parse_value(text):
    if text in ("+Inf", "-Inf", "NaN"):
        return {"+Inf": math.inf, "-Inf": -math.inf, "NaN": math.nan}[text]
    if not NUMBER.match(text):
        raise Violation(f"value {text!r} is not a number")
    return float(text)


def parse_sample(line):
    match = re.match(r"([^{ ]+)", line)
    name = match.group(1) if match else ""
    if not METRIC_NAME.match(name):
        raise Violation(f"bad metric name {name!r}")
    position = len(name)
    labels = {}
    if line[position:position + 1] == "{":
        position += 1
        while line[position:position + 1] != "}":
            equals = line.find("=", position)
            if equals < 0:
                raise Violation("label without a value")
            label = line[position:equals]
            if not LABEL_NAME.match(label):
                raise Violation(f"bad label name {label!r}")
            if label in labels:
                raise Violation(f"label {label} twice")
            position = equals + 1
            if line[position:position + 1] != '"':
                raise Violation("label value not quoted")
            position += 1
            value = []
            while True:
                if position >= len(line):
                    raise Violation("unterminated label value")
                char = line[position]
                position += 1
                if char == '"':
                    break
                if char == "\\":
                    escaped = line[position:position + 1]
                    if escaped not in ("\\", '"', "n"):
                        raise Violation(f"unknown escape \\{escaped}")
                    value.append("\n" if escaped == "n" else escaped)
                    position += 1
                else:
                    value.append(char)
            labels[label] = "".join(value)
            if line[position:position + 1] == ",":
                position += 1
            if position >= len(line):
                raise Violation("unterminated label set")
        position += 1
    if line[position:position + 1] != " ":
        raise Violation("no space before the value")
    rest = line[position + 1:].split(" ")
    if len(rest) not in (1, 2):
        raise Violation("expected a value and an optional timestamp")
    value = parse_value(rest[0])
    if len(rest) == 2 and not re.match(r"-?\d+\Z", rest[1]):
        raise Violation(f"timestamp {rest[1]!r} is not an integer")
    return {"name": name, "labels": labels, "value": value}


def family_of(name, types):
    for suffix in ("_bucket", "_sum", "_count"):
        base = name[: -len(suffix)]
        if name.endswith(suffix) and types.get(base) in ("histogram", "summary"):
            return base
    return name


def check(text):
    types, sampled, samples = {}, set(), []
    for number, line in enumerate(text.split("\n"), start=1):
        try:
            if not line:
                continue
            if line.startswith("#"):
                parts = line.split(" ", 3)
                if len(parts) >= 3 and parts[0] == "#" and parts[1] in ("HELP", "TYPE"):
                    if not METRIC_NAME.match(parts[2]):
                        raise Violation(f"bad metric name {parts[2]!r}")
                    if parts[1] == "TYPE":
                        if len(parts) != 4 or parts[3] not in TYPES:
                            raise Violation(f"bad TYPE line {line!r}")
                        if parts[2] in types:
                            raise Violation(f"second TYPE for {parts[2]}")
                        if parts[2] in sampled:
                            raise Violation(f"TYPE for {parts[2]} after its samples")
                        types[parts[2]] = parts[3]
                continue
            sample = parse_sample(line)
            family = family_of(sample["name"], types)
            if family not in types:
                raise Violation(f"sample {sample['name']} before (or without) its family's TYPE")
            sampled.add(family)
            samples.append(sample)
        except Violation as violation:
            raise Violation(f"line {number}: {violation}") from None
    return types, samples


def main():
    try:
        types, samples = check(sys.stdin.read())
    except Violation as violation:
        print(violation, file=sys.stderr)
        return 1
    print(json.dumps({"types": types, "samples": samples}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
