"""A resident's report on its way to the city: the durable outbox and its Open311 delivery."""
