"""The case models of every regime and their workflows, so that shared views (my work, reminders, the
deadline and document contracts) can reach them all."""

CASE_MODELS: list = []
WORKFLOWS: dict = {}  # case model → its casework.workflow.Workflow (filled when the regime's workflow.py loads)


def register_case_model(model):
    """Class decorator for concrete Case models."""
    CASE_MODELS.append(model)
    return model


def workflow_of(model):
    """The workflow table of a case model (or of a case's type)."""
    return WORKFLOWS[model if isinstance(model, type) else type(model)]
