"""The main window and the parts it is made of: commands, dialog routing, jobs it starts."""
