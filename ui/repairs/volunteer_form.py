"""A volunteer's card: name, number (ZY-0001, given when saved), skills, phone, active or not."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.repairs import volunteers
from app.repairs.rules import SKILLS, split_skills
from ui.widgets.field_errors import FieldBox, FieldErrors


class VolunteerForm(QDialog):
    def __init__(self, database, volunteer_id: int | None = None, parent=None):
        super().__init__(parent)
        self.database = database
        self.volunteer_id = volunteer_id
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Volunteer") if volunteer_id else self.tr("New volunteer"))
        general = QLabel()
        self.errors = FieldErrors(general)
        self.name = QLineEdit()
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("Given when saved, e.g. ZY-0013"))
        skills_box = QWidget()
        grid = QGridLayout(skills_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.skill_checks: dict[str, QCheckBox] = {}
        for index, skill in enumerate(SKILLS):
            check = QCheckBox(skill)
            self.skill_checks[skill] = check
            grid.addWidget(check, index // 4, index % 4)
        self.other_skills = QLineEdit()
        self.other_skills.setPlaceholderText(self.tr("Other skills, separated by 、"))
        grid.addWidget(self.other_skills, 2, 0, 1, 4)
        self.phone = QLineEdit()
        self.active = QCheckBox(self.tr("Active (takes jobs)"))
        self.active.setChecked(True)
        self.notes = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.errors.add("name", FieldBox(self.name)))
        form.addRow(self.tr("Volunteer number"), self.errors.add("number", FieldBox(self.number)))
        form.addRow(self.tr("Skills"), self.errors.add("skills", FieldBox(skills_box)))
        form.addRow(self.tr("Phone"), self.errors.add("phone", FieldBox(self.phone)))
        form.addRow("", self.active)
        form.addRow(self.tr("Notes"), self.errors.add("notes", FieldBox(self.notes)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(general)
        layout.addWidget(buttons)
        if volunteer_id is not None:
            self.load(volunteers.get_volunteer(database, volunteer_id))

    def load(self, row) -> None:
        self.name.setText(row.name)
        self.number.setText(row.number)
        others = [s for s in row.skills if s not in self.skill_checks]
        for skill, check in self.skill_checks.items():
            check.setChecked(skill in row.skills)
        self.other_skills.setText("、".join(others))
        self.phone.setPlaceholderText(row.phone_masked or "")
        self.active.setChecked(row.active)
        self.notes.setText(row.notes)

    def values(self) -> dict:
        skills = [s for s, check in self.skill_checks.items() if check.isChecked()]
        skills += list(split_skills(self.other_skills.text()))
        return {"name": self.name.text().strip(), "number": self.number.text().strip() or None, "skills": skills,
                "phone": self.phone.text().strip() or None, "active": self.active.isChecked(),
                "notes": self.notes.text().strip() or None}

    def save(self) -> bool:
        self.errors.clear()
        return self.errors.attempt(self._save, "form", focus=True)

    def _save(self) -> None:
        if self.volunteer_id is None:
            self.saved_id = volunteers.create_volunteer(self.database, self.values())
        else:
            volunteers.update_volunteer(self.database, self.volunteer_id, self.values())
            self.saved_id = self.volunteer_id

    def accept(self) -> None:
        if self.save():
            super().accept()

    @classmethod
    def ask(cls, parent, database, volunteer_id: int | None = None) -> int | None:
        form = cls(database, volunteer_id, parent)
        return form.saved_id if form.exec() == QDialog.DialogCode.Accepted else None
