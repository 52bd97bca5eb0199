//! The file holds BSNs and notes: only its owner may read it. Files inbeeld creates
//! are made private by the process's file mode mask (see `cli::main`); a file made
//! by an older version is tightened when it is opened.

use std::path::Path;

/// Takes away what others may do with `path` (its owner keeps what they had). SQLite gives its `-wal` and `-shm` the database file's mode. A failure (a
/// file of another user, a file system without modes) is left as it is.
pub fn keep_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path) {
            let mode = meta.permissions().mode();
            // Only the bits of others go: a file its owner made read-only stays so.
            if meta.is_file() && mode & 0o077 != 0 {
                let _ =
                    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o7700));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// The same for a folder and every file in it (the backups): a folder that is not
/// there is left so.
pub fn keep_folder_private(folder: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(meta) = std::fs::metadata(folder) else {
            return;
        };
        let mode = meta.permissions().mode();
        if meta.is_dir() && mode & 0o077 != 0 {
            let _ =
                std::fs::set_permissions(folder, std::fs::Permissions::from_mode(mode & 0o7700));
        }
        if let Ok(entries) = std::fs::read_dir(folder) {
            for entry in entries.flatten() {
                keep_private(&entry.path());
            }
        }
    }
    #[cfg(not(unix))]
    let _ = folder;
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
