"""Sign-in page (the form lives in ui/login.py: app.py and ui/frame.py show it in place of a closed page)."""

from ui.login import render_login

render_login()
