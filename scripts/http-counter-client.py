#!/usr/bin/env python3
"""Real clients for examples/http-counter, used by its end-to-end tests (and handy by hand).

usage: http-counter-client.py MODE BASE_URL      (BASE_URL like http://127.0.0.1:8080)

Modes, each printing one line per observation:
  http       Python's http.client: POST /api/count/add/7, then GET /api/count
             -> "status <code> <body>" for each
  websocket  the `websockets` client from PyPI on /ws: the count sent on connect, the push
             after "add 3", the answer to "get", the push a plain HTTP POST causes while
             connected, the error for an unknown message, then a clean close
             -> "ws <message>" for each, then "ws closed <code>"
  slow       one client sends a POST body a byte at a time (0.2 s apart) while another makes
             a GET: "other answered while slow client still sending: True|False", then the
             slow client's "status <code> <body>"
Exits non-zero on any connection error or time-out.
"""
import http.client
import socket
import sys
import threading
import time
from urllib.parse import urlparse


def request(base, method, path, body=None, headers=None):
    url = urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=15)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    text = response.read().decode()
    connection.close()
    return response.status, text


def mode_http(base):
    for method, path in [("POST", "/api/count/add/7"), ("GET", "/api/count")]:
        status, text = request(base, method, path)
        print("status %d %s" % (status, text))


def mode_websocket(base):
    from websockets.sync.client import connect

    with connect(base.replace("http://", "ws://") + "/ws", open_timeout=15) as socket_:
        print("ws " + socket_.recv(timeout=15))
        socket_.send("add 3")
        print("ws " + socket_.recv(timeout=15))
        socket_.send("get")
        print("ws " + socket_.recv(timeout=15))
        request(base, "POST", "/api/count", body=b'{"by": 2}', headers={"Content-Type": "application/json"})
        print("ws " + socket_.recv(timeout=15))
        socket_.send("dance")
        print("ws " + socket_.recv(timeout=15))
        socket_.close()
        print("ws closed %s" % socket_.close_code)


def mode_slow(base):
    url = urlparse(base)
    body = b'{"by": 1}'
    slow = socket.create_connection((url.hostname, url.port), timeout=30)
    slow.sendall(b"POST /api/count HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\n"
                 b"Content-Length: %d\r\nConnection: close\r\n\r\n" % (url.hostname.encode(), len(body)))
    sending = threading.Event()
    sending.set()

    def trickle():
        for byte in body:
            slow.sendall(bytes([byte]))
            time.sleep(0.2)
        sending.clear()

    sender = threading.Thread(target=trickle)
    sender.start()
    time.sleep(0.3)
    request(base, "GET", "/api/count")
    print("other answered while slow client still sending: %s" % sending.is_set())
    sender.join()
    response = http.client.HTTPResponse(slow)
    response.begin()
    print("status %d %s" % (response.status, response.read().decode()))
    slow.close()


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("http", "websocket", "slow"):
        sys.exit(__doc__)
    {"http": mode_http, "websocket": mode_websocket, "slow": mode_slow}[sys.argv[1]](sys.argv[2].rstrip("/"))


if __name__ == "__main__":
    main()
