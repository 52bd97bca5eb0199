//! The console's bytes on Windows: the console's input opened as `CONIN$` in
//! virtual-terminal input mode (Windows 10 1809 and later; Windows Terminal and
//! conhost), read as records by a thread of our own and turned into bytes and
//! resizes by `console`. Written against the documented console API; the machines
//! this project is built and tested on have no Windows, so this file is compiled
//! only where one is (see docs/platforms.md).

use std::sync::mpsc::Sender;

use windows_sys::Win32::Foundation::{GENERIC_READ, GENERIC_WRITE, HANDLE, INVALID_HANDLE_VALUE};
use windows_sys::Win32::Storage::FileSystem::{
    CreateFileW, FILE_SHARE_READ, FILE_SHARE_WRITE, OPEN_EXISTING,
};
use windows_sys::Win32::System::Console::{
    GetConsoleMode, ReadConsoleInputW, SetConsoleCP, SetConsoleMode, ENABLE_ECHO_INPUT,
    ENABLE_LINE_INPUT, ENABLE_MOUSE_INPUT, ENABLE_PROCESSED_INPUT, ENABLE_VIRTUAL_TERMINAL_INPUT,
    ENABLE_WINDOW_INPUT, INPUT_RECORD, KEY_EVENT, WINDOW_BUFFER_SIZE_EVENT,
};

use super::console::{ConsoleDecoder, Record};
use super::Arrival;

/// The UTF-8 code page, so that the console's characters arrive as typed.
const CP_UTF8: u32 = 65001;

/// Opens the console's input in VT input mode and starts the reader.
pub fn start(send: Sender<Arrival>) -> std::io::Result<()> {
    // CONIN$: the console itself, also when standard input is redirected.
    let name: Vec<u16> = "CONIN$\0".encode_utf16().collect();
    // SAFETY: `name` is a NUL-terminated UTF-16 string that outlives the call.
    let handle = unsafe {
        CreateFileW(
            name.as_ptr(),
            GENERIC_READ | GENERIC_WRITE,
            FILE_SHARE_READ | FILE_SHARE_WRITE,
            std::ptr::null(),
            OPEN_EXISTING,
            0,
            std::ptr::null_mut(),
        )
    };
    if handle == INVALID_HANDLE_VALUE {
        return Err(std::io::Error::last_os_error());
    }
    let mut mode = 0;
    // SAFETY: `handle` is the console input just opened; `mode` is a valid out place.
    if unsafe { GetConsoleMode(handle, &mut mode) } == 0 {
        return Err(std::io::Error::last_os_error());
    }
    // Raw input as on Unix: no line editing, echo or Ctrl-C handling by the
    // console; keys as VT sequences; resizes as records.
    let mode = (mode | ENABLE_VIRTUAL_TERMINAL_INPUT | ENABLE_WINDOW_INPUT)
        & !(ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT | ENABLE_PROCESSED_INPUT | ENABLE_MOUSE_INPUT);
    // SAFETY: as above.
    if unsafe { SetConsoleMode(handle, mode) } == 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: sets the console's input code page; no memory is passed.
    unsafe { SetConsoleCP(CP_UTF8) };
    // A raw handle is no `Send`; the reader thread alone uses it from here on.
    let raw = handle as usize;
    std::thread::spawn(move || read_console(raw as HANDLE, &send));
    Ok(())
}

fn read_console(handle: HANDLE, send: &Sender<Arrival>) {
    let mut decoder = ConsoleDecoder::default();
    // SAFETY: INPUT_RECORD is plain data; all zeroes is a valid value.
    let mut records: [INPUT_RECORD; 128] = unsafe { std::mem::zeroed() };
    loop {
        let mut read = 0u32;
        // SAFETY: `records` has room for the length passed; `read` is a valid out place.
        let ok = unsafe {
            ReadConsoleInputW(
                handle,
                records.as_mut_ptr(),
                records.len() as u32,
                &mut read,
            )
        };
        if ok == 0 {
            let _ = send.send(Arrival::Closed);
            return;
        }
        let ours: Vec<Record> = records[..read as usize].iter().map(record).collect();
        for arrival in decoder.decode(&ours) {
            if send.send(arrival).is_err() {
                return;
            }
        }
    }
}

/// A console record as the decoder reads it.
fn record(r: &INPUT_RECORD) -> Record {
    match u32::from(r.EventType) {
        KEY_EVENT => {
            // SAFETY: the event type says which member of the union is written.
            let key = unsafe { r.Event.KeyEvent };
            Record::Key {
                down: key.bKeyDown != 0,
                // SAFETY: in the W API the character is the UTF-16 member.
                unit: unsafe { key.uChar.UnicodeChar },
                repeat: key.wRepeatCount,
            }
        }
        WINDOW_BUFFER_SIZE_EVENT => Record::Resize,
        _ => Record::Other,
    }
}
