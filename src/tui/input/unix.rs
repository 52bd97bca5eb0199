//! The terminal's bytes on Unix: read from the terminal device by a thread of our
//! own, and its resizes from SIGWINCH.

use std::io::Read;
use std::sync::mpsc::Sender;

use super::Arrival;

/// Starts the reader and the resize listener; they end when the cockpit does.
pub fn start(send: Sender<Arrival>) -> std::io::Result<()> {
    let tty = std::fs::File::open("/dev/tty")?;
    let reader = send.clone();
    std::thread::spawn(move || read_terminal(tty, &reader));
    let mut signals = signal_hook::iterator::Signals::new([signal_hook::consts::SIGWINCH])?;
    std::thread::spawn(move || {
        for _ in signals.forever() {
            if send.send(Arrival::Resized).is_err() {
                break;
            }
        }
    });
    Ok(())
}

fn read_terminal(mut tty: std::fs::File, send: &Sender<Arrival>) {
    let mut buffer = [0u8; 4096];
    loop {
        match tty.read(&mut buffer) {
            Ok(0) => {
                let _ = send.send(Arrival::Closed);
                return;
            }
            Ok(n) => {
                if send.send(Arrival::Bytes(buffer[..n].to_vec())).is_err() {
                    return;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => {
                let _ = send.send(Arrival::Closed);
                return;
            }
        }
    }
}
