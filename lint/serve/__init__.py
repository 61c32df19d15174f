"""``copydesk serve``: the local web page where an editor pastes or uploads a story and sees it
annotated (the Starlette app, its request limits, and the page it serves)."""
