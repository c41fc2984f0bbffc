"""The case models of every regime, so that shared views (my work, reminders) can reach them all."""

CASE_MODELS: list = []


def register_case_model(model):
    """Class decorator for concrete Case models."""
    CASE_MODELS.append(model)
    return model
