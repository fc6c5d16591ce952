#!/usr/bin/env python3
"""A client of the Theater management protocol, written from MANAGEMENT.md alone
(standard library only). Used by the CLI end-to-end test; also handy by hand:

    scripts/management-client.py --address 127.0.0.1:9000 list
    scripts/management-client.py demo examples/counter/manifest.toml

`demo` starts the actor (manifest path as given), requests "add 5", subscribes, sends
"hi", waits for its events, stops the actor and prints one JSON document of what it saw.
"""
import argparse
import json
import socket
import struct
import sys

MAX_FRAME = 32 * 1024 * 1024


class ProtocolError(Exception):
    pass


class Client:
    """One TCP connection: 4-byte big-endian length frames holding {"Complete": [bytes]}."""

    def __init__(self, host, port, timeout=30.0):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.buffer = b""
        # Events of subscriptions come whenever the actor records them, also between a
        # command and its response: they wait here for next_event.
        self.events = []

    def send(self, command):
        message = json.dumps(command).encode()
        frame = json.dumps({"Complete": list(message)}).encode()
        self.sock.sendall(struct.pack(">I", len(frame)) + frame)

    def _read_exactly(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ProtocolError("the server closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def receive(self):
        (length,) = struct.unpack(">I", self._read_exactly(4))
        if length > MAX_FRAME:
            raise ProtocolError(f"frame of {length} bytes is over the limit")
        frame = json.loads(self._read_exactly(length))
        if "Complete" not in frame:
            raise ProtocolError(f"unexpected frame type: {list(frame)}")
        return json.loads(bytes(frame["Complete"]))

    def call(self, command):
        """Sends a command and returns its response, setting aside events that come first."""
        self.send(command)
        while True:
            response = self.receive()
            if isinstance(response, dict) and "ActorEvent" in response:
                self.events.append(response["ActorEvent"]["event"])
            else:
                return response

    def next_event(self):
        if self.events:
            return self.events.pop(0)
        return expect(self.receive(), "ActorEvent")["event"]


def expect(response, tag):
    if not isinstance(response, dict) or tag not in response:
        raise ProtocolError(f"expected {tag}, got {json.dumps(response)[:300]}")
    return response[tag]


def demo(client, manifest):
    seen = {}
    started = expect(client.call({"StartActor": {"manifest": manifest, "initial_state": None,
                                                 "parent": False, "subscribe": False}}), "ActorStarted")
    actor = started["id"]
    seen["actor_id"] = actor
    listed = expect(client.call("ListActors"), "ActorList")
    seen["listed"] = [pair[1] for pair in listed["actors"] if pair[0] == actor]
    reply = expect(client.call({"RequestActorMessage": {"id": actor, "data": list(b"add 5")}}), "RequestedMessage")
    seen["request"] = bytes(reply["message"]).decode()
    subscribed = expect(client.call({"SubscribeToActor": {"id": actor}}), "Subscribed")
    expect(client.call({"SendActorMessage": {"id": actor, "data": list(b"hi")}}), "SentMessage")
    events = []
    while "export-return" not in events:
        events.append(client.next_event()["event_type"])
    seen["events"] = events
    expect(client.call({"UnsubscribeFromActor": {"id": actor, "subscription_id": subscribed["subscription_id"]}}),
           "Unsubscribed")
    state = expect(client.call({"GetActorState": {"id": actor}}), "ActorState")
    seen["state"] = bytes(state["state"]).decode() if state["state"] is not None else None
    expect(client.call({"StopActor": {"id": actor}}), "ActorStopped")
    status = expect(client.call({"GetActorStatus": {"id": actor}}), "ActorStatus")
    seen["status"] = status["status"]
    return seen


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--address", default="127.0.0.1:9000")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list")
    demo_parser = sub.add_parser("demo")
    demo_parser.add_argument("manifest")
    args = parser.parse_args()
    host, _, port = args.address.rpartition(":")
    try:
        client = Client(host.strip("[]"), int(port))
        if args.command == "list":
            result = client.call("ListActors")
        else:
            result = demo(client, args.manifest)
    except (OSError, ProtocolError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
