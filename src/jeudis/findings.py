"""What ``jeudis check`` finds: a problem or a warning, with its place and what to do."""

from __future__ import annotations

from dataclasses import dataclass

from jeudis.errors import FileProblem


@dataclass(frozen=True)
class Finding:
    path: str
    message: str
    line: int | None = None
    column: int | None = None
    key: str | None = None
    # error | warning | note (said, never a failure, not even under --strict: a thing
    # check cannot tell, such as a template copy that names no version)
    severity: str = "error"
    hint: str | None = None  # what to do about it, when there is more to say than the message

    def location(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def render(self) -> str:
        key = f" {self.key}:" if self.key else ""
        return f"{self.location()}: {self.severity}:{key} {self.message}"


def finding_of(problem: FileProblem, severity: str = "error") -> Finding:
    return Finding(
        path=str(problem.path),
        message=problem.reason,
        line=problem.line,
        column=problem.column,
        key=problem.key,
        severity=severity,
        hint=problem.hint,
    )
