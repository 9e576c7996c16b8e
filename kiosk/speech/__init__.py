"""Speech output: what each screen says aloud, and how numbers, dates and money are read."""
