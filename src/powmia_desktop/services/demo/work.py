"""The demo's meetings, questions, tasks, timeline events and audience profiles."""

from datetime import date

from sqlalchemy import select

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import (
    AttendanceRole,
    EventCategory,
    MeetingStatus,
    MeetingType,
    ParticipantRole,
    QuestionStatus,
)
from powmia_desktop.db.models import (
    AgendaItem,
    Attendance,
    AudienceProfile,
    EventParticipant,
    Meeting,
    Question,
    Task,
    TimelineEvent,
)
from powmia_desktop.services.demo.building import LoaderBase
from powmia_desktop.services.demo.document import DocObject, damaged, meeting_moment


class WorkRecords(LoaderBase):
    """Meetings with their people and agenda, questions, tasks, events and audiences."""

    def _meeting(self, obj: DocObject) -> None:
        key = self._key(obj, "meeting")
        path = f"meeting/{key}"
        starts_at, all_day = meeting_moment(obj, "starts_at")
        ends_at, _ = meeting_moment(obj, "ends_at")
        meeting = self._new(
            Meeting,
            obj,
            path,
            self.level,
            meeting_type=obj.vocab(MeetingType, "type"),
            title=obj.text("title"),
            starts_at=starts_at,
            ends_at=ends_at,
            all_day=all_day,
            timezone=obj.text("timezone", ""),
            place=obj.text("place", ""),
            status=obj.vocab(MeetingStatus, "status", MeetingStatus.PLANNED),
            description=obj.text("description", ""),
            minutes=obj.text("minutes", ""),
            cases=self._refs(self.cases, "case", obj, "cases"),
            tags=self._tag_list(obj),
        )
        level = meeting.sensitivity
        meeting.attendances = self._children(
            obj,
            "attendances",
            path,
            lambda item, p: self._new(
                Attendance,
                item,
                p,
                level,
                contact=self._ref(
                    self.contacts, "contact", item.text("contact"), item.at("contact")
                ),
                role=item.vocab(AttendanceRole, "role", AttendanceRole.OTHER),
                invited=item.flag("invited", True),
                attended=item.flag("attended", False),
            ),
        )
        meeting.agenda_items = [
            self._new(
                AgendaItem,
                item,
                f"{path}/agenda/{index}",
                level,
                position=index + 1,
                title=item.text("title"),
                presenter=self._optional_ref(self.contacts, "contact", item, "presenter"),
                minutes=item.text("minutes", ""),
            )
            for index, item in obj.objects("agenda")
        ]
        self.meetings[key] = meeting

    def _question(self, obj: DocObject) -> None:
        key = self._key(obj, "question")
        self._new(
            Question,
            obj,
            f"question/{key}",
            self.level,
            serviceman=self._optional_ref(self.cases, "case", obj, "case"),
            text=obj.text("text"),
            addressed_to=self._optional_ref(self.contacts, "contact", obj, "addressed_to"),
            asked_at=self._optional_ref(self.meetings, "meeting", obj, "asked_at"),
            meetings=self._refs(self.meetings, "meeting", obj, "meetings"),
            answer=obj.text("answer", ""),
            status=obj.vocab(QuestionStatus, "status", QuestionStatus.OPEN),
        )

    def _task(self, obj: DocObject) -> None:
        key = self._key(obj, "task")
        due = obj.optional("due_on")
        try:
            due_on = None if due is None else date.fromisoformat(due)
        except ValueError:
            raise damaged(obj.at("due_on"), f"'{due}' is not a date (YYYY-MM-DD)") from None
        self._new(
            Task,
            obj,
            f"task/{key}",
            self.level,
            title=obj.text("title"),
            due_on=due_on,
            done=obj.flag("done", False),
            assignee=self._optional_ref(self.contacts, "contact", obj, "assignee"),
            meeting=self._optional_ref(self.meetings, "meeting", obj, "meeting"),
            serviceman=self._optional_ref(self.cases, "case", obj, "case"),
        )

    def _event(self, obj: DocObject) -> None:
        key = self._key(obj, "event")
        path = f"event/{key}"
        event = self._new(
            TimelineEvent,
            obj,
            path,
            self.level,
            date=obj.fuzzy_date("date"),
            title=obj.text("title"),
            description=obj.text("description", ""),
            category=obj.vocab(EventCategory, "category", EventCategory.OTHER),
            place=self._optional_ref(self.places, "place", obj, "place"),
            place_text=obj.text("place_text", ""),
            tags=self._tag_list(obj),
        )
        level = event.sensitivity
        event.participants = self._children(
            obj, "participants", path, lambda item, p: self._participant(item, p, level)
        )
        event.citations = self._citations(obj, path, level)
        if not event.citations:
            raise damaged(obj.where, "is an event without a citation")

    def _participant(self, obj: DocObject, path: str, level: Sensitivity) -> EventParticipant:
        case = self._optional_ref(self.cases, "case", obj, "case")
        contact = self._optional_ref(self.contacts, "contact", obj, "contact")
        if (case is None) == (contact is None):
            raise damaged(obj.where, "needs exactly one of case and contact")
        return self._new(
            EventParticipant,
            obj,
            path,
            level,
            serviceman=case,
            contact=contact,
            role=obj.vocab(ParticipantRole, "role", ParticipantRole.SUBJECT),
        )

    def _audience(self, obj: DocObject) -> None:
        key = self._key(obj, "audience profile")
        name = obj.text("name")
        ceiling = obj.sensitivity("ceiling")
        if ceiling is None:
            raise damaged(obj.at("ceiling"), "is required")
        rules = obj.texts("field_rules")
        description = obj.text("description", "")
        existing = self.session.scalars(
            select(AudienceProfile).where(AudienceProfile.name == name)
        ).first()
        if existing is not None:  # the family's own profile of that name is kept as it is
            obj.raw("notes")
            obj.raw("sensitivity")
            return
        self._new(
            AudienceProfile,
            obj,
            f"audience/{key}",
            self.level,
            name=name,
            ceiling=ceiling,
            field_rules=rules,
            description=description,
        )
