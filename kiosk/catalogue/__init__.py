"""The procedure catalogue: what each procedure needs, how long it takes, what it costs, where
to go — its data model, versioned data files, search, and the "what do you need?" finder."""
