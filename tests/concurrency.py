"""Calls run at once, on PostgreSQL, for the tests of row locks (two staff taking one step at the same moment)."""

import threading

from django.db import connections

from linggao_mi.casework.rules import RuleViolation


def at_once(*calls) -> list:
    """Run the calls in threads released together; each result is "ok", the rule that refused it, or the error."""
    barrier = threading.Barrier(len(calls))
    results: list = []

    def run(call):
        try:
            barrier.wait()
            call()
            results.append("ok")
        except RuleViolation as exc:
            results.append(exc.rule)
        except Exception as exc:  # noqa: BLE001 — any other failure is a result too, never a silent thread death
            results.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results
