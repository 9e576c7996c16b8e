"""The `[payments]` section: the receiving unit's account that VietQR codes pay into, an
account per procedure where the province keeps several (Bắc Ninh: 27 accounts for 100
procedures), and the charges the provincial council sets. Empty = fees are paid at the counter.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kiosk.payments.vietqr import Beneficiary


class AccountSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    bank_bin: str
    account: str
    account_name: str  # as the bank holds it: capitals without diacritics
    city: str = "HA NOI"

    @model_validator(mode="after")
    def _valid(self) -> AccountSettings:
        self.beneficiary()  # refuses a BIN, account or name no VietQR can carry
        return self

    def beneficiary(self) -> Beneficiary:
        return Beneficiary(self.bank_bin, self.account, self.account_name, self.city)


class PaymentSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    account: AccountSettings | None = None  # the unit's account for every procedure
    accounts: dict[str, AccountSettings] = {}  # procedure code → its own account
    # procedure code → the charge the provincial council's resolution sets, in đồng
    province_amounts: dict[str, int] = Field(default_factory=dict)

    def beneficiary(self, procedure_code: str) -> Beneficiary | None:
        """Where this procedure's fee is paid, or None: pay at the counter."""
        chosen = self.accounts.get(procedure_code, self.account)
        return chosen.beneficiary() if chosen else None
