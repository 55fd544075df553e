#!/usr/bin/python3
# Measures the warm converter: one-page DOCX -> PDF/A-2b through uno-bridge.py, median, p95 and letters/s.
# Run: /usr/bin/python3 scripts/measure-pdf.py letter.docx [count]   (e.g. a "Hent Word" file from the letter page)
import json, subprocess, sys, time, statistics
p = subprocess.Popen(["/usr/bin/python3", __import__("os").path.join(__import__("os").path.dirname(__file__), "..", "src", "Portal", "Delivery", "Pdf", "uno-bridge.py"), "/usr/bin/soffice", "7155", "/tmp/handicap-pdf-maaling"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
print("ready", p.stdout.readline().strip())
times = []
for i in range(int(sys.argv[2]) if len(sys.argv) > 2 else 30):
    t = time.perf_counter()
    p.stdin.write(json.dumps({"in": sys.argv[1], "out": "/tmp/handicap-pdf-maaling-%d.pdf" % i, "keywords": "k"}) + "\n"); p.stdin.flush()
    r = p.stdout.readline()
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print("n=%d median=%.0f ms p95=%.0f ms letters/s=%.2f" % (len(times), statistics.median(times), times[int(len(times) * 0.95) - 1], len(times) / (sum(times) / 1000)))
p.stdin.close(); p.wait()
