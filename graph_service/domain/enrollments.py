"""Enrolments: a person at a school for a span of days, in a grade."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import model_validator

from graph_service.domain.base import GraphModel, InputModel, check_date_order
from graph_service.domain.date_range import Day


class Grade(StrEnum):
    PRE_K = "PK"
    KINDERGARTEN = "KG"
    G1 = "01"
    G2 = "02"
    G3 = "03"
    G4 = "04"
    G5 = "05"
    G6 = "06"
    G7 = "07"
    G8 = "08"
    G9 = "09"
    G10 = "10"
    G11 = "11"
    G12 = "12"


class EnrolInput(InputModel):
    person_id: str
    school_id: str
    grade: Grade
    start_date: Day
    end_date: Day | None = None

    @model_validator(mode="after")
    def _ordered(self) -> EnrolInput:
        check_date_order(self.start_date, self.end_date)
        return self


class EndEnrolmentInput(InputModel):
    enrolment_id: str
    end_date: Day


class School(GraphModel):
    id: str
    name: str | None = None


class Enrolment(GraphModel):
    id: str
    school: School
    grade: Grade
    start_date: date
    end_date: date | None = None
