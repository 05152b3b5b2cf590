"""The pure helpers of benchmarks/run.py: ratios, PASS/FAIL against a goal, the table.
(The benchmarks themselves are not tests: they time things.)"""

import importlib.util
import math
import sys

import pytest

from advocacy.db import ROOT


def _run_module():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


run = _run_module()


def test_ratio_is_ours_over_the_baseline():
    assert run.ratio(3.0, 2.0) == 1.5
    assert run.ratio(0.0, 0.0) == 1.0
    assert math.isinf(run.ratio(1.0, 0.0))


def test_goals_at_most_and_at_least_include_the_limit():
    assert run.judge(1.5, 1.5, "max") and not run.judge(1.51, 1.5, "max")
    assert run.judge(3.0, 3.0, "min") and not run.judge(2.99, 3.0, "min")
    assert run.judge(0, 0, "max") and not run.judge(1, 0, "max")  # zero errors means zero
    with pytest.raises(ValueError):
        run.judge(1, 1, "about")


def test_table_has_one_line_per_measure_with_its_verdict():
    lines = [run.Line("1. side leder/moter", 1.2, 1.5, ours="60 ms", baseline="50 ms"),
             run.Line("4. søk", 25.0, 20.0, unit="ms"),
             run.Line("2. brev", 2.5, 3.0, "min")]
    text = run.table(lines).splitlines()
    assert text[2].endswith("PASS") and "1.20×" in text[2] and "≤ 1.50×" in text[2]
    assert text[3].endswith("FAIL") and "25.0 ms" in text[3]
    assert text[4].endswith("FAIL") and "≥ 3.00×" in text[4]
    assert text[-1] == "1 passed, 2 failed"
