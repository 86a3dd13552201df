#!/usr/bin/env python3
"""Where the request threads' CPU goes, from a JFR recording (docs/performance-notes.md).

Usage: scripts/jfr-breakdown.py RECORDING.jfr [MARKER] [THREAD_PREFIX]
Reads `jfr print --events jdk.ExecutionSample` and counts each sample of a thread whose name starts with
THREAD_PREFIX (default: Tomcat's request threads) once, under the innermost frame that belongs to a known
layer (the JSON writer, jOOQ, the JDBC driver, ...): a layer's share is the CPU spent in its own code and in
the JDK code it called. With MARKER (e.g. HistoryController), only the samples between the first and the
last one whose stack names it count: the window in which the benchmark measured that endpoint.
"""
import re
import subprocess
import sys
from collections import Counter

LAYERS = [  # innermost match wins; order only breaks ties within one frame
    ("JSON (Jackson)", ("com.fasterxml.jackson.",)),
    ("JDBC driver (Connector/J)", ("com.mysql.cj.",)),
    ("connection pool (HikariCP)", ("com.zaxxer.hikari.",)),
    ("jOOQ (render, bind, records)", ("org.jooq.",)),
    ("Roamdesk code", ("io.roamdesk.",)),
    ("Spring Security", ("org.springframework.security.",)),
    ("Spring MVC / transactions", ("org.springframework.",)),
    ("Tomcat (HTTP, servlet)", ("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.")),
    ("logging / metrics", ("ch.qos.logback.", "org.slf4j.", "io.micrometer.")),
]


def layer(frame):
    for name, prefixes in LAYERS:
        if frame.startswith(prefixes):
            return name
    return None


def main():
    recording = sys.argv[1]
    marker = sys.argv[2] if len(sys.argv) > 2 else None
    prefix = sys.argv[3] if len(sys.argv) > 3 else "http-nio-"
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", recording],
                         capture_output=True, text=True, check=True).stdout
    samples = []
    for event in out.split("jdk.ExecutionSample")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        if not thread or not thread.group(1).startswith(prefix):
            continue
        time = re.search(r"startTime = ([\d:.]+)", event).group(1)
        frames = re.findall(r"^\s+([\w$.]+)\(", event, re.M)  # innermost first
        samples.append((time, frames))
    if marker:
        marked = [t for t, frames in samples if any(marker in f for f in frames)]
        samples = [(t, f) for t, f in samples if marked and marked[0] <= t <= marked[-1]]
        print(f"window {marked[0] if marked else '-'} to {marked[-1] if marked else '-'} ({marker})")
    counts = Counter(next((l for l in map(layer, frames) if l), "JDK / other") for _, frames in samples)
    print(f"{len(samples)} samples of threads {prefix}*")
    for name, n in counts.most_common():
        print(f"| {name} | {n} | {100.0 * n / max(len(samples), 1):.1f} % |")


if __name__ == "__main__":
    main()
