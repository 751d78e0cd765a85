"""The widgets inside the window: article text, claims table, detail pane, history, search."""
