"""Places with alternate names: Camp 5 = Old Pyoktong = Tongju-ri.

Camp numbers were re-used during the war, so a place can carry a warning that its name is
ambiguous (docs/field-notes.md, section 2.5).
"""

from sqlalchemy import Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import PlaceType
from powmia_desktop.db.models.base import Base, Record
from powmia_desktop.db.types import vocab


class Place(Record, Base):
    __tablename__ = "place"
    default_sensitivity = Sensitivity.PUBLIC

    name: Mapped[str] = mapped_column(String(300), index=True)
    place_type: Mapped[PlaceType] = mapped_column(vocab(PlaceType), default=PlaceType.OTHER)
    country: Mapped[str] = mapped_column(String(100), default="")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    ambiguity_warning: Mapped[str] = mapped_column(Text, default="")

    alternate_names: Mapped[list["PlaceName"]] = relationship(
        back_populates="place",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PlaceName.id",
    )

    def all_names(self) -> list[str]:
        return [self.name, *(n.name for n in self.alternate_names)]


class PlaceName(Record, Base):
    __tablename__ = "place_name"
    default_sensitivity = Sensitivity.PUBLIC

    place_id: Mapped[int] = mapped_column(ForeignKey("place.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    language: Mapped[str] = mapped_column(String(40), default="")
    period: Mapped[str] = mapped_column(String(100), default="")

    place: Mapped[Place] = relationship(back_populates="alternate_names")
