"""A minimal IMAP4rev1 server over a real socket, standing in for the secretariat's mail server.

It speaks just what ``poll_imap`` uses (LOGIN, SELECT, UID SEARCH/FETCH/STORE,
LOGOUT), so the real imaplib client is exercised end to end. The mail server is
outside our machine in production: this is the one thing the tests imitate.
"""

import re
import socketserver
import threading
from dataclasses import dataclass, field


@dataclass
class StoredMail:
    uid: int
    raw: bytes
    flags: set[str] = field(default_factory=set)


class Mailbox:
    def __init__(self, user: str, password: str, uid_validity: int = 1):
        self.user, self.password, self.uid_validity = user, password, uid_validity
        self.messages: list[StoredMail] = []
        self.commands: list[str] = []
        self._next_uid = 1

    def append(self, raw: bytes) -> int:
        self.messages.append(StoredMail(self._next_uid, raw))
        self._next_uid += 1
        return self._next_uid - 1

    def renumber(self, uid_validity: int) -> None:
        """What a server does after a rebuild: new UIDVALIDITY, new UIDs."""
        self.uid_validity = uid_validity
        for number, message in enumerate(self.messages, start=1):
            message.uid = number
        self._next_uid = len(self.messages) + 1

    def seen(self) -> list[int]:
        return [message.uid for message in self.messages if "\\Seen" in message.flags]


_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"|(\S+)')


def _strings(args: str) -> list[str]:
    """IMAP atoms and quoted strings (with their backslash escapes undone)."""
    return [re.sub(r"\\(.)", r"\1", quoted) if quoted else atom for quoted, atom in _STRING.findall(args)]


_COMMAND = re.compile(r"(?P<tag>\S+) (?P<command>UID \S+|\S+) ?(?P<args>.*)", re.IGNORECASE)


class _Session(socketserver.StreamRequestHandler):
    def handle(self):
        mailbox: Mailbox = self.server.mailbox
        self.reply("* OK [CAPABILITY IMAP4rev1] fake IMAP ready")
        while line := self.rfile.readline():
            match = _COMMAND.match(line.decode().rstrip("\r\n"))
            if not match:
                self.reply("* BAD unreadable command")
                continue
            tag, command, args = match["tag"], match["command"].upper(), match["args"]
            mailbox.commands.append(f"{command} {args}".strip())
            if not self.dispatch(mailbox, tag, command, args):
                return

    def reply(self, text: str | bytes) -> None:
        self.wfile.write(text if isinstance(text, bytes) else text.encode() + b"\r\n")

    def dispatch(self, mailbox: Mailbox, tag: str, command: str, args: str) -> bool:
        if command == "CAPABILITY":
            self.reply("* CAPABILITY IMAP4rev1")
        elif command == "LOGIN":
            user, password = _strings(args)
            if (user, password) != (mailbox.user, mailbox.password):
                self.reply(f"{tag} NO [AUTHENTICATIONFAILED] invalid credentials")
                return True
        elif command == "SELECT":
            self.reply(f"* {len(mailbox.messages)} EXISTS")
            self.reply(f"* OK [UIDVALIDITY {mailbox.uid_validity}] UIDs valid")
            self.reply("* FLAGS (\\Seen)")
        elif command == "UID SEARCH":
            self.reply("* SEARCH " + " ".join(str(uid) for uid in self.search(mailbox, args)))
        elif command == "UID FETCH":
            self.fetch(mailbox, int(args.split()[0]))
        elif command == "UID STORE":
            uid, _action, flags = args.split(" ", 2)
            for number, message in self.numbered(mailbox, {int(uid)}):
                message.flags |= set(flags.strip("()").split())
                self.reply(f"* {number} FETCH (UID {message.uid} FLAGS ({' '.join(sorted(message.flags))}))")
        elif command == "LOGOUT":
            self.reply("* BYE logging out")
            self.reply(f"{tag} OK LOGOUT completed")
            return False
        elif command != "NOOP":
            self.reply(f"{tag} BAD unknown command")
            return True
        self.reply(f"{tag} OK {command} completed")
        return True

    @staticmethod
    def numbered(mailbox: Mailbox, uids: set[int]):
        return [(number, message) for number, message in enumerate(mailbox.messages, 1) if message.uid in uids]

    @staticmethod
    def search(mailbox: Mailbox, criteria: str) -> list[int]:
        uids = [message.uid for message in mailbox.messages]
        match = re.fullmatch(r"UID (\d+):\*", criteria.strip(), re.IGNORECASE)
        if not match:
            return uids
        start = int(match.group(1))
        found = [uid for uid in uids if uid >= start]
        return found or uids[-1:]  # RFC 3501: "n:*" always includes the last message

    def fetch(self, mailbox: Mailbox, uid: int) -> None:
        for number, message in self.numbered(mailbox, {uid}):
            self.reply(f"* {number} FETCH (UID {uid} BODY[] {{{len(message.raw)}}}".encode() + b"\r\n"
                       + message.raw + b")\r\n")


class FakeImapServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, mailbox: Mailbox):
        super().__init__(("127.0.0.1", 0), _Session)
        self.mailbox = mailbox
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def port(self) -> int:
        return self.server_address[1]

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)
