"""来访登记: intake form, request list, detail with timeline."""
