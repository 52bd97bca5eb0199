//! The file holds BSNs and notes: only its owner may read it. Files inbeeld creates
//! are made private by the process's file mode mask (see `cli::main`); a file made
//! by an older version is tightened when it is opened.

use std::path::Path;

/// Makes `path` readable and writable by its owner only, when others could read
/// it. SQLite gives its `-wal` and `-shm` the database file's mode. A failure (a
/// file of another user, a file system without modes) is left as it is.
pub fn keep_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.is_file() && meta.permissions().mode() & 0o077 != 0 {
                let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// From now on, files and folders this process creates are its owner's only
/// (0600 and 0700 on Unix): the database, its journals, the lock, backups,
/// bundles and letters.
pub fn private_from_now_on() {
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file mode mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}
