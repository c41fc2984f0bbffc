"""三（五）对固定资产投资项目节能监察: fixed-asset investment projects, their five triggers, their yearly and
unannounced checks (the 8 steps of 三（五）5) and the five measures of 三（五）6. Part of the energy app: the project
owners are its EnergyUnit register (credit code checked) and the checks are made by its inspectors.

The supervised project is a register with its whole history (FixedAssetProject, its changes and triggers); each
check of a project is a case (ProjectCheck, a casework.Case) with its own workflow table (workflow.py).
"""
