#!/usr/bin/env python3
"""bench/run's load of member delegations acting at once on one silence procedure (standard library only).

Usage: delegations.py BASE DECISION_ID TOKENS_FILE ACT OUT_JSON [TIMEOUT_S] [SPREAD_S]

ACT is "statement" (a reservation: POST /api/decisions/{id}/statements, members only) or "objection"
(a breaking of silence: POST /api/decisions/{id}/objections); the floors of the stack, which act on nothing: "me" (GET
/api/me with the delegation's token: Tomcat, Security with the token's look-up, Spring MVC and Jackson) and "livez"
(GET /livez, anonymous: Tomcat and the filters only). TOKENS_FILE has one "CODE|kt_secret" per line:
each State's national coordinator's API token. Every delegation gets its own thread and connection; all are
released together by one barrier, each sends its one act and measures the time to the full answer. With SPREAD_S > 0
the delegations start their acts one after another at an even pace over that many seconds (all connected and waiting
throughout): the same 1,000 acts as a sustained concurrent load rather than one instant's burst.
Prints one line per figure and writes them as JSON to OUT_JSON. Exit status 0 even if acts failed: the
caller judges (it also counts what was recorded).
"""
import http.client
import json
import resource
import statistics
import sys
import threading
import time
import urllib.parse


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def main():
    base, decision, tokens_file, act, out = sys.argv[1:6]
    timeout = float(sys.argv[6]) if len(sys.argv) > 6 else 120.0
    spread = float(sys.argv[7]) if len(sys.argv) > 7 else 0.0
    url = urllib.parse.urlsplit(base)
    delegations = []
    with open(tokens_file, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                code, secret = line.split("|", 1)
                delegations.append((code, secret))
    method, authorized = "POST", True
    if act == "statement":
        path = "/api/decisions/%s/statements" % decision
        body = lambda code: {"kind": "RESERVATION", "text": "Reservation of %s, filed by bench/run." % code}
    elif act == "objection":
        path = "/api/decisions/%s/objections" % decision
        body = lambda code: {"reasons": "Silence broken by %s (bench/run)." % code}
    elif act == "me":
        method, path, body = "GET", "/api/me", None
    elif act == "livez":
        method, path, body, authorized = "GET", "/livez", None, False
    else:
        sys.exit("unknown act: " + act)

    results = [None] * len(delegations)
    released = [time.perf_counter()]
    barrier = threading.Barrier(len(delegations) + 1)

    def worker(i, code, secret):
        payload = json.dumps(body(code)).encode("utf-8") if body else None
        headers = {"Accept": "application/json", "Connection": "close"}
        if authorized:
            headers["Authorization"] = "Bearer " + secret
        if payload is not None:
            headers["Content-Type"] = "application/json"
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
        try:
            conn.connect()  # connected before the start: the figure is the act, not the TCP handshake
        except Exception as e:  # noqa: BLE001
            barrier.wait()
            results[i] = (code, "connect:" + type(e).__name__, 0.0, "")
            return
        barrier.wait()
        if spread > 0:
            time.sleep(max(0.0, released[0] + spread * i / len(delegations) - time.perf_counter()))
        start = time.perf_counter()
        try:
            conn.request(method, path, body=payload, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            results[i] = (code, response.status, time.perf_counter() - start, text[:300])
        except Exception as e:  # noqa: BLE001 - a timeout or a reset is a result to count
            results[i] = (code, type(e).__name__, time.perf_counter() - start, str(e)[:300])
        finally:
            conn.close()

    threads = [threading.Thread(target=worker, args=(i, c, s), daemon=True) for i, (c, s) in enumerate(delegations)]
    for t in threads:
        t.start()
    released[0] = time.perf_counter() + 0.05
    barrier.wait()
    wall_start = time.perf_counter()
    for t in threads:
        t.join(timeout + 30)
    wall = time.perf_counter() - wall_start

    statuses = {}
    latencies = []
    failures = []
    for r in results:
        if r is None:
            statuses["no-answer"] = statuses.get("no-answer", 0) + 1
            continue
        code, status, seconds, text = r
        statuses[str(status)] = statuses.get(str(status), 0) + 1
        if isinstance(status, int) and 200 <= status < 300:
            latencies.append(seconds * 1000.0)
        else:
            failures.append({"state": code, "status": status, "ms": round(seconds * 1000.0, 1), "answer": text})
    all_ms = [r[2] * 1000.0 for r in results if r is not None and r[2] > 0]
    summary = {
        "act": act,
        "spread_s": spread,
        "decision": decision,
        "delegations": len(delegations),
        "ok": len(latencies),
        "statuses": statuses,
        "wall_s": round(wall, 2),
        "throughput_per_s": round(len(latencies) / wall, 1) if wall > 0 else None,
        "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p99_ms": round(percentile(latencies, 99), 1) if latencies else None,
        "max_ms": round(max(latencies), 1) if latencies else None,
        "p99_all_ms": round(percentile(all_ms, 99), 1) if all_ms else None,
        "client_cpu_s": round(resource.getrusage(resource.RUSAGE_SELF).ru_utime + resource.getrusage(resource.RUSAGE_SELF).ru_stime, 2),
        "failures": failures[:20],
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2)
    print("act=%s delegations=%d ok=%d statuses=%s wall=%.2fs p50=%sms p99=%sms max=%sms" % (
        act, len(delegations), len(latencies), json.dumps(statuses, sort_keys=True), wall, summary["p50_ms"],
        summary["p99_ms"], summary["max_ms"]))
    for f in failures[:5]:
        print("  failed: %s" % json.dumps(f))


if __name__ == "__main__":
    main()
