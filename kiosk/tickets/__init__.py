"""Queue tickets: numbering per service and day, the printed layout, and issuing them."""
