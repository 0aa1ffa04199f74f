"""Note capture: the table note editor following the console, the plenary scribe, the Open Space
session report form and the typist's bulk view (`facilitation capture`, `facilitation serve`)."""
