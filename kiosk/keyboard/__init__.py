"""The kiosk's own on-screen Vietnamese keyboard, typing logic only (plain Python): Telex typing,
tone and shape buttons for those who do not know Telex, and the key layouts. The Qt Quick
component in `ui/qml/Kiosk/Keyboard.qml` draws the keys and sends the taps here."""
