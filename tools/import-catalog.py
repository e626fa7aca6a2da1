#!/usr/bin/env python3
"""Build fleetsim's instance catalog resource from the AWS data set.

Reads instance_types.csv and max_pods.csv (see that directory's README.md and PROVENANCE.md) and
writes simulator-core/src/main/resources/dev/fleetsim/catalog/instance-types.csv with only the
columns the simulator's InstanceType record needs. Python 3 standard library only.

Usage (from anywhere):
    python3 tools/import-catalog.py [DATA_DIR] [--out FILE]

DATA_DIR defaults to ../shared/data/aws relative to the repository root.
Numeric values the source lacks are written as 0; the Java side documents 0 as "unknown".
"""
import argparse
import collections
import csv
import math
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data" / "aws"
DEFAULT_OUT = REPO_ROOT / "simulator-core/src/main/resources/dev/fleetsim/catalog/instance-types.csv"

COLUMNS = [
    "type", "family", "size", "generation", "category", "vcpu", "memory_mib",
    "processor_vendor", "processor_name", "architecture",
    "gpu_count", "gpu_model", "accelerator", "accelerator_count",
    "local_storage_gb", "network_gbps", "max_enis", "ipv4_per_eni", "max_pods",
    "bare_metal", "burstable", "current_generation",
]

# The source's `purpose` column already uses the six simulator categories.
CATEGORIES = {"general", "compute", "memory", "storage", "accelerated", "hpc"}
# bmn-sf1.metal has a blank purpose: AWS publishes no specification for it (the VPC CNI and EKS AMI
# add it by hand with no vCPU or memory). Nothing marks it as compute, memory, storage or accelerated,
# so it is filed under the neutral category.
CATEGORY_FOR_BLANK_PURPOSE = {"bmn-sf1": "general"}

# AWS's burstable-performance (CPU credit) instances are the T families. The source's burstable_cpu
# flag is also set on trn1/trn1n/trn2 (Trainium), apparently a match on the leading "t"; ignore it there.
BURSTABLE_FAMILY = re.compile(r"t\d+[a-z]*")

# High-memory u-<N>tb1 families: the source gives generation 1 for u-3tb1 and u-6tb1 rows and leaves
# the other u-<N>tb1 rows blank; the trailing 1 is the generation in AWS's name for all of them.
FIRST_GEN_HIGH_MEMORY = re.compile(r"u-\d+tb1")

TRAILING_NOTE = re.compile(r"\s*\([^)]*\)$")


def clean_processor_name(name):
    """Drop trailing notes such as "(Cascade Lake)" or "(Mac mini)" and the "0" revision marker
    ("Intel Xeon E5-2665 0" is how the first E5 generation reports itself)."""
    name = TRAILING_NOTE.sub("", name.strip())
    if name.endswith(" 0"):
        name = name[:-2]
    return name


def memory_mib(gib_text):
    if not gib_text:
        return 0
    # The source divided DescribeInstanceTypes MiB by 1024 and kept 3 decimals; rounding recovers MiB.
    return int(math.floor(float(gib_text) * 1024 + 0.5))


def number(text):
    return text if text else "0"


def gbps(text):
    if not text:
        return "0"
    value = float(text)
    return str(int(value)) if value == int(value) else repr(value)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA_DIR))
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    args = parser.parse_args(argv)
    data_dir = Path(args.data_dir)

    with open(data_dir / "max_pods.csv", newline="") as f:
        max_pods = {row["type"]: row["max_pods"] for row in csv.DictReader(f)}
    with open(data_dir / "instance_types.csv", newline="") as f:
        rows = list(csv.DictReader(f))

    stats = collections.Counter()
    out_rows = []
    for row in rows:
        name, family, size = row["type"], row["family"], row["size"]
        if name != family + "." + size:
            sys.exit(f"{name}: type is not family.size")

        category = row["purpose"] or CATEGORY_FOR_BLANK_PURPOSE.get(family)
        if category not in CATEGORIES:
            sys.exit(f"{name}: no category for purpose {row['purpose']!r}")
        if not row["purpose"]:
            stats["category decided from family"] += 1

        generation = row["generation"]
        if not generation and FIRST_GEN_HIGH_MEMORY.fullmatch(family):
            generation = "1"
            stats["generation inferred (u-<N>tb1)"] += 1

        burstable = row["burstable_cpu"] == "true" and BURSTABLE_FAMILY.fullmatch(family) is not None
        if row["burstable_cpu"] == "true" and not burstable:
            stats["burstable flag dropped (not a T family)"] += 1

        enis, ips = row["max_enis_default_card"], row["ipv4_per_eni"]
        pods = max_pods.get(name)
        if pods is None and enis and ips:
            # aws-rules.md E14: ENIs (default card) x (IPv4 per ENI - 1) + 2, as the VPC CNI file does.
            pods = str(int(enis) * (int(ips) - 1) + 2)
            stats["max pods by formula (not in max_pods.csv)"] += 1
        elif pods is not None and enis and ips and int(pods) != int(enis) * (int(ips) - 1) + 2:
            sys.exit(f"{name}: max_pods.csv {pods} disagrees with the ENI formula")

        for column, value in (("vcpu", row["vcpu"]), ("memory", row["memory_gib"]),
                              ("processor_name", row["processor_name"]),
                              ("local_storage_gb", row["instance_storage_gb"]),
                              ("network_gbps", row["network_gbps"]), ("max_enis", row["max_enis"]),
                              ("max_pods", pods), ("generation", generation)):
            if not value:
                stats[f"unknown {column}"] += 1
        if row["accelerator"] and not row["accelerator_count"]:
            stats["unknown accelerator_count"] += 1

        out_rows.append({
            "type": name,
            "family": family,
            "size": size,
            "generation": number(generation),
            "category": category,
            "vcpu": number(row["vcpu"]),
            "memory_mib": memory_mib(row["memory_gib"]),
            "processor_vendor": row["processor_vendor"],
            "processor_name": clean_processor_name(row["processor_name"]),
            "architecture": row["architecture"],
            "gpu_count": number(row["gpu_count"]),
            "gpu_model": row["gpu_model"],
            "accelerator": row["accelerator"],
            "accelerator_count": number(row["accelerator_count"]),
            "local_storage_gb": number(row["instance_storage_gb"]),
            "network_gbps": gbps(row["network_gbps"]),
            "max_enis": number(row["max_enis"]),
            "ipv4_per_eni": number(ips),
            "max_pods": number(pods),
            "bare_metal": row["bare_metal"],
            "burstable": "true" if burstable else "false",
            "current_generation": row["current_generation"],
        })

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(out_rows)

    print(f"wrote {len(out_rows)} instance types to {out}")
    for key in sorted(stats):
        print(f"  {key}: {stats[key]}")


if __name__ == "__main__":
    main(sys.argv[1:])
