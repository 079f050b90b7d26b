"""Downloading from an address an editor typed (a catalogue and the packages it lists).

The address comes from outside, so the download must not turn this server into a probe of the
network it sits in (server-side request forgery):

- the host name is resolved once and every address it resolves to must be public: private,
  loopback, link-local, shared, reserved, multicast and unspecified addresses are refused, also
  when spelled oddly (`0x7f000001`, `2130706433`) or wrapped in IPv6 (`::ffff:127.0.0.1`, 6to4,
  NAT64). `COURSE_PACKAGE_FETCH_ALLOWED_NETWORKS` may let some networks through (tests, or two
  installations on one intranet);
- the connection goes to the address that was checked (a second lookup could answer
  differently: DNS rebinding), while the Host header and TLS (SNI, certificate) keep the name;
- redirects are followed here, a few at most, each checked like the first address;
- one deadline holds for the whole download, redirects included: a server that sends a byte now
  and then is cut off at the deadline, not kept by a timeout that each byte renews;
- every network failure (refused address, no such name, refused connection, time-out, TLS)
  gives the same message, so the answers tell nothing about what listens where.
"""

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from .schema import PackageRefused

REDIRECTS_MAX = 5
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
CHUNK = 1024**2
# IPv6 ranges that carry an IPv4 address in their last 32 bits (NAT64, RFC 6052).
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class _Unreachable(Exception):
    """Any reason not to (or no longer) talk to the other site; the editor sees one message."""


def _unreachable():
    return PackageRefused(_("The other site cannot be reached."))


def download(url, *, limit, seconds):
    """Yield the body of `url` in chunks: at most `limit` bytes, within `seconds` in all.

    PackageRefused when the other site cannot be reached (one message for every cause), answers
    with an error, or sends more than `limit`.
    """
    deadline = _Deadline(seconds)
    connection = None
    try:
        connection, response = _open(url, deadline)
        received = 0
        while chunk := _read(response, deadline):
            received += len(chunk)
            if received > limit:
                raise PackageRefused(_("The other site sent more data than a package may hold."))
            yield chunk
        if deadline.expired:  # a connection shut at the deadline looks like an ended body
            raise _Unreachable
    except _Unreachable as error:
        raise _unreachable() from error
    finally:
        deadline.cancel()
        if connection is not None:
            connection.close()


def _read(response, deadline):
    try:
        return response.read1(CHUNK)
    except (OSError, http.client.HTTPException, ValueError) as error:
        # ValueError: an SSL socket shut by the deadline from the timer's thread.
        raise _Unreachable from error


def _open(url, deadline):
    """The connection and the response of `url` after redirects (status 200 only)."""
    for _hop in range(REDIRECTS_MAX + 1):
        connection, response = _request(url, deadline)
        if response.status == 200:
            return connection, response
        location = response.getheader("Location")
        connection.close()
        if response.status not in REDIRECT_STATUSES:
            raise PackageRefused(
                _("The other site answered with an error (HTTP %(status)s).")
                % {"status": response.status}
            )
        if not location:
            raise _Unreachable
        url = urljoin(url, location.strip())
    raise _Unreachable


def _request(url, deadline):
    scheme, host, port, target = _parse(url)
    addresses = _checked_addresses(host, port)
    try:
        connection = _PinnedConnection(
            host, port, addresses=addresses, tls=scheme == "https", deadline=deadline
        )
    except (http.client.HTTPException, ValueError) as error:  # a host http.client refuses
        raise _Unreachable from error
    try:
        connection.request("GET", target, headers={"Accept-Encoding": "identity"})
        return connection, connection.getresponse()
    except (OSError, http.client.HTTPException, ValueError) as error:
        connection.close()
        raise _Unreachable from error
    except BaseException:
        connection.close()
        raise


def _parse(url):
    """(scheme, host, port, path and query) of an http(s) address; _Unreachable otherwise."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:  # "http://[::1/", a port out of range
        raise _Unreachable from error
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _Unreachable
    return (
        parts.scheme,
        parts.hostname,
        port,
        (parts.path or "/") + (f"?{parts.query}" if parts.query else ""),
    )


def _checked_addresses(host, port):
    """The addresses `host` resolves to, once; _Unreachable if any of them may not be reached."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, ValueError) as error:  # ValueError: a null byte, a bad IDNA label
        raise _Unreachable from error
    addresses = []
    for _family, _type, _proto, _name, sockaddr in found:
        address = ipaddress.ip_address(sockaddr[0])
        if not address_may_be_fetched(address):
            raise _Unreachable
        if address not in addresses:
            addresses.append(address)
    return addresses


def address_may_be_fetched(address):
    """Whether a download may connect to `address` (an ipaddress object)."""
    if any(address in network for network in _allowed_networks()):
        return True
    return all(_public(each) for each in _destinations(address))


def _allowed_networks():
    return [
        ipaddress.ip_network(network, strict=False)
        for network in settings.COURSE_PACKAGE_FETCH_ALLOWED_NETWORKS
    ]


def _destinations(address):
    """Where a connection to `address` may lead: itself, and the IPv4 address an IPv6 one
    carries (mapped, 6to4, Teredo); a NAT64 address leads to the IPv4 address it carries only
    (Python counts the whole NAT64 range as reserved)."""
    if address.version == 4:
        return [address]
    if address in NAT64:
        return [ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)]
    found = [address, *(a for a in (address.ipv4_mapped, address.sixtofour) if a is not None)]
    return found + list(address.teredo or ())


def _public(address):
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


class _Deadline:
    """One time limit for a whole download, redirects included.

    A socket time-out only bounds each wait for data: a server that sends a byte every few
    seconds would keep the download going for ever. A timer shuts the connection in use at the
    deadline instead, whatever it is waiting for (the connection, the handshake, headers or
    body). The name lookup before each connection is not covered: getaddrinfo cannot be
    interrupted, so it is bounded by the system resolver's own time-outs only; a deadline that
    passed during it stops the download before it connects.
    """

    def __init__(self, seconds):
        self._end = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._socket = None
        self.expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self):
        left = self._end - time.monotonic()
        if left <= 0 or self.expired:
            raise _Unreachable
        return left

    def watch(self, sock):
        """Shut `sock` at the deadline (or now, if it has passed)."""
        with self._lock:
            self._socket = sock
            if self.expired:
                self._shut()
                raise _Unreachable

    def cancel(self):
        self._timer.cancel()

    def _expire(self):
        with self._lock:
            self.expired = True
            self._shut()

    def _shut(self):
        if self._socket is not None:
            with contextlib.suppress(OSError):  # already closed
                self._socket.shutdown(socket.SHUT_RDWR)


class _PinnedConnection(http.client.HTTPConnection):
    """HTTP or HTTPS to addresses checked beforehand: the name in the address is used for the
    Host header and for TLS (server name, certificate), never looked up again."""

    def __init__(self, host, port, *, addresses, tls, deadline):
        super().__init__(host, port)
        self._addresses = addresses
        self._tls = tls
        self._deadline = deadline

    def connect(self):
        self.sock = self._connect_any()
        self._deadline.watch(self.sock)
        if self._tls:
            context = ssl.create_default_context()
            self.sock = context.wrap_socket(
                self.sock, server_hostname=self.host, do_handshake_on_connect=False
            )
            self._deadline.watch(self.sock)
            self.sock.do_handshake()

    def _connect_any(self):
        failure = None
        for address in self._addresses:
            try:
                sock = socket.create_connection(
                    (str(address), self.port), timeout=self._deadline.remaining()
                )
            except OSError as error:
                failure = error
                continue
            return sock
        raise OSError("no address accepted the connection") from failure
