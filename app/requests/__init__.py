"""Walk-in requests (来访登记 / 诉求台账)."""
