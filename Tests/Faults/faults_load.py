"""Measuring a server under faults: a load of requests on threads that records every answer, and the metrics page
parsed with prometheus-client."""
import dataclasses
import http.client
import threading
import time

from faults_support import Reply, missing, request


@dataclasses.dataclass
class Record:
    label: str
    started: float
    ended: float
    reply: Reply = None
    error: str = None

    @property
    def status(self):
        return self.reply.status if self.reply else None


class Load:
    """Threads that each send `requests` in turn (callables taking the thread and sequence numbers and returning
    (label, method, path, body, headers)) until stopped, each request on a new connection with a short time-out;
    every request is recorded with its start, end and answer or error."""

    def __init__(self, port, requests, threads=6, timeout=8):
        self.port, self.requests, self.timeout = port, requests, timeout
        self.records, self.lock, self.stopping = [], threading.Lock(), threading.Event()
        self.threads = [threading.Thread(target=self._run, args=(number,), daemon=True) for number in range(threads)]
        for thread in self.threads:
            thread.start()

    def _run(self, number):
        sequence = 0
        while not self.stopping.is_set():
            label, method, path, body, headers = self.requests[(number + sequence) % len(self.requests)](number, sequence)
            sequence += 1
            started = time.monotonic()
            try:
                record = Record(label, started, 0, reply=request(self.port, method, path, body, headers, self.timeout))
            except (OSError, http.client.HTTPException) as error:
                record = Record(label, started, 0, error=repr(error))
            record.ended = time.monotonic()
            with self.lock:
                self.records.append(record)

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=self.timeout + 5)
        assert not any(thread.is_alive() for thread in self.threads), "a load thread hung"
        return sorted(self.records, key=lambda record: record.started)


# Metrics


def scrape(server, headers=None):
    """GET /metrics parsed: {sample name: [(labels, value)]} and {family name: type}."""
    try:
        from prometheus_client.parser import text_string_to_metric_families
    except ImportError:
        missing("prometheus-client is not installed (pip install prometheus-client)")
    reply = server.request("GET", "/metrics", headers=headers)
    assert reply.status == 200, reply.status
    assert reply.header("Content-Type").startswith("text/plain")
    samples, types = {}, {}
    for family in text_string_to_metric_families(reply.body.decode()):
        types[family.name] = family.type
        for sample in family.samples:
            samples.setdefault(sample.name, []).append((sample.labels, sample.value))
    return samples, types


def total(samples, name, **labels):
    """The sum of a metric's samples whose labels include `labels` (0 when there are none)."""
    return sum(value for sample_labels, value in samples.get(name, [])
               if all(sample_labels.get(key) == wanted for key, wanted in labels.items()))
