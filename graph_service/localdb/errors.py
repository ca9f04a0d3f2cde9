"""What can go wrong with the managed local Neo4j, each with a message that says what to do."""

from __future__ import annotations


class LocalNeo4jError(Exception):
    """The managed local Neo4j could not be prepared, started or stopped."""


class ToolMissing(LocalNeo4jError):
    def __init__(self, tool: str, hint: str) -> None:
        super().__init__(f"{tool} was not found on PATH. {hint}")


class PortInUse(LocalNeo4jError):
    def __init__(self, port: int) -> None:
        super().__init__(
            f"port 127.0.0.1:{port} is already taken by another process. Stop it, or choose "
            "another port with GRAPH_SERVICE_LOCAL_NEO4J_PORT."
        )


class ServerExited(LocalNeo4jError):
    def __init__(self, exit_code: int, log_tail: str) -> None:
        reasons = {1: "web server failure", 2: "database failure", 3: "invalid configuration"}
        reason = reasons.get(exit_code, "see the log")
        super().__init__(
            f"Neo4j exited during start with code {exit_code} ({reason}). Last log lines:\n"
            f"{log_tail}"
        )


class StartTimedOut(LocalNeo4jError):
    def __init__(self, seconds: float, log_tail: str) -> None:
        super().__init__(
            f"Neo4j did not answer on Bolt within {seconds:.0f}s. Last log lines:\n{log_tail}"
        )
