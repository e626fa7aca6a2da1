#!/usr/bin/env python3
"""Convert the shared AWS price data into the price resources shipped in simulator-pricing.

Usage: tools/import-prices.py [INPUT_DIR]

INPUT_DIR defaults to ../shared/data/aws relative to the repository root. The output goes to
simulator-pricing/src/main/resources/dev/fleetsim/pricing/ (see PROVENANCE.md there).
Python 3 standard library only. The output is deterministic: rows are sorted, values are copied
as text (never through float), and every price row names its date and source tag.
"""

import csv
import sys
from decimal import Decimal
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "simulator-pricing" / "src" / "main" / "resources" / "dev" / "fleetsim" / "pricing"

# Regions whose On-Demand prices come from the newer ondemand_prices.csv (2026-07-20);
# every other region comes from the 2024-04 multi-region snapshot.
NEWER_REGIONS = {"us-east-1", "us-gov-east-1", "us-gov-west-1"}

# Short source tags written into each row; PROVENANCE.md maps them to repository, path and commit.
SOURCE_TAGS = {
    "aws/karpenter-provider-aws:pkg/providers/pricing/zz_generated.pricing_aws.go@6fc13b5236fd":
        "karpenter-pricing-aws@6fc13b5236fd",
    "aws/karpenter-provider-aws:pkg/providers/pricing/zz_generated.pricing_aws_us_gov.go@6fc13b5236fd":
        "karpenter-pricing-aws-us-gov@6fc13b5236fd",
    "vantage-sh/ec2instances.info:opszero-app/instances.json@a19cd859f059 (PR #735, 2024-04-04)":
        "ec2instances-pr735@a19cd859f059",
}
SPOT_ADVISOR_TAG = "spotinfo-advisor@5eedf20a9961"
SPOT_ADVISOR_DATE = "2025-06-28"
RI_TAG = "ec2instances-mock@8e64e6eaefe1"
RI_DATE = "2026-07-20"


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_rows(name, header, rows):
    """Writes a plain comma-separated file; the Java loaders split on commas, so no field may hold one."""
    for row in rows:
        for value in row:
            if "," in value or "\n" in value or '"' in value:
                raise ValueError(f"{name}: field {value!r} would need quoting")
    path = OUT_DIR / name
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(",".join(row) + "\n")
    print(f"wrote {path.relative_to(REPO_ROOT)}: {len(rows)} rows")


def check_decimal(text, what):
    value = Decimal(text)
    if value < 0:
        raise ValueError(f"negative {what}: {text}")
    return text


def on_demand(src):
    rows = []
    dropped_cny = 0
    for r in read_rows(src / "ondemand_prices.csv"):
        if r["currency"] != "USD":
            dropped_cny += 1  # cn-north-1 is in CNY; never mixed with USD prices
            continue
        if r["region"] not in NEWER_REGIONS or r["os"] != "linux":
            raise ValueError(f"unexpected row in ondemand_prices.csv: {r}")
        rows.append((r["type"], r["region"], check_decimal(r["usd_per_hour"], "price"),
                     r["price_as_of"], SOURCE_TAGS[r["source"]]))
    for r in read_rows(src / "ondemand_prices_multiregion_2024-04.csv"):
        if r["region"] in NEWER_REGIONS:
            continue
        if r["os"] != "linux":
            raise ValueError(f"unexpected os in multi-region snapshot: {r}")
        as_of = r["price_as_of"].split("(")[0]  # "2024-04-04(commit date)" -> "2024-04-04"
        rows.append((r["type"], r["region"], check_decimal(r["usd_per_hour"], "price"),
                     as_of, SOURCE_TAGS[r["source"]]))
    # The snapshot repeats some rows verbatim (115 pairs); keep one, but refuse conflicting prices.
    unique = {}
    for row in rows:
        previous = unique.setdefault((row[0], row[1]), row)
        if previous != row:
            raise ValueError(f"conflicting On-Demand rows: {previous} vs {row}")
    rows = sorted(unique.values(), key=lambda row: (row[1], row[0]))
    write_rows("ondemand-linux.csv", ["type", "region", "usd_per_hour", "as_of", "source"], rows)
    print(f"  dropped {dropped_cny} CNY rows (cn-north-1)")


def spot_advisor(src):
    rows = []
    for r in read_rows(src / "spot_advisor.csv"):
        savings = r["savings_over_ondemand_pct"]
        # Kept as published even when negative (one row: Spot above On-Demand); never above 100.
        if Decimal(savings) > 100:
            raise ValueError(f"savings above 100%: {r}")
        rows.append((r["region"], r["os"], r["type"], savings, r["interruption_bucket_index"]))
    rows.sort()
    write_rows("spot-advisor.csv", ["region", "os", "type", "savings_pct", "bucket"], rows)
    buckets = [(r["index"], r["label"], r["max_pct"]) for r in read_rows(src / "spot_advisor_buckets.csv")]
    write_rows("spot-advisor-buckets.csv", ["bucket", "label", "max_pct_per_month"], buckets)


def fargate_eks(src):
    rows = []
    for r in read_rows(src / "fargate_eks_prices.csv"):
        if r["region"] == "unspecified (page)":
            continue  # corroboration rows; the same values are kept from the infracost-derived rows
        if r["currency"] != "USD":
            raise ValueError(f"non-USD Fargate/EKS price: {r}")
        source = r["source"]
        if source.startswith("infracost/"):
            tag = "infracost-golden"
            as_of = "2025-07-04" if "ecs_service_test" in source or "eks_cluster_test" in source else "2024-07-01"
        elif "vantage.sh/blog/fargate-pricing" in source:
            tag, as_of = "vantage-fargate-pricing-page", "undated"
        else:
            raise ValueError(f"unknown source: {source}")
        rows.append((r["service"], r["region"], r["architecture"], r["os"], r["unit"],
                     check_decimal(r["usd"], "price"), as_of, tag))
    # Discounts AWS publishes no table for (discount_programs.csv): Fargate Spot and Fargate Compute SP.
    for r in read_rows(src / "discount_programs.csv"):
        program = r["program"]
        pct = r["max_or_typical_discount_pct"].lstrip("~").replace("up to ", "")
        if program == "Fargate Spot":
            rows.append(("fargate", "all", "", "linux", "spot_discount_pct", check_decimal(pct, "pct"),
                         "undated", "wring-fargate-pricing-page"))
        elif program.startswith("Fargate Compute Savings Plan"):
            term = r["term"].replace("yr", "y")
            rows.append(("fargate", "us-east-2", "x86_64", "linux", "compute_savings_plan_discount_pct_" + term,
                         check_decimal(pct, "pct"), "undated", "vantage-savings-plan-page"))
    rows.sort()
    write_rows("fargate-eks.csv", ["service", "region", "arch", "os", "unit", "value", "as_of", "source"], rows)


def ri_discounts(src):
    rows = []
    for r in read_rows(src / "ri_discount_sample_x2iedn32xlarge.csv"):
        model = r["pricing_model"]
        if not model.startswith("reserved-"):
            continue  # the spot-avg rows are not RI data
        payment = {"allUpfront": "all", "partialUpfront": "partial", "noUpfront": "no"}[r["payment_option"]]
        rows.append((r["region"], model.removeprefix("reserved-"), r["term"].replace("yr", "y"), payment,
                     check_decimal(r["discount_vs_ondemand_pct"], "discount"),
                     r["ondemand_usd_per_hour"], r["effective_usd_per_hour"], RI_DATE, RI_TAG))
    rows.sort()
    write_rows("ri-discounts.csv", ["region", "class", "term", "payment", "discount_pct",
                                    "sample_ondemand_usd_per_hour", "sample_effective_usd_per_hour",
                                    "as_of", "source"], rows)


def main(argv):
    src = Path(argv[1]) if len(argv) > 1 else REPO_ROOT / ".." / "shared" / "data" / "aws"
    src = src.resolve()
    if not (src / "ondemand_prices.csv").is_file():
        sys.exit(f"no AWS data in {src} (expected ondemand_prices.csv); pass the data directory as argument")
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    on_demand(src)
    spot_advisor(src)
    fargate_eks(src)
    ri_discounts(src)


if __name__ == "__main__":
    main(sys.argv)
