//! TLS to the team's server, with libpq's `sslmode` and `sslrootcert`:
//!
//! - `disable`: no TLS;
//! - `prefer` (libpq's default) and `require`: encrypted, the certificate not checked
//!   (with `require`, TLS or no connection), unless a root certificate is named,
//!   which is then checked as with `verify-ca`;
//! - `verify-ca`: the certificate must chain to a trusted root;
//! - `verify-full` (recommended): and it must be made out to the host connected to.
//!
//! The roots are `sslrootcert` (a PEM file), else `~/.postgresql/root.crt` as in
//! libpq, else (or with `sslrootcert=system`) the system's store. The options are
//! taken out of the URL before `postgres` reads it, which knows only the first three.

use std::path::PathBuf;
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, Error as TlsError, SignatureScheme};

use super::TeamError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

/// The TLS options of a server URL, and the URL without the ones `postgres` does not
/// know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsOptions {
    pub mode: SslMode,
    pub root_cert: Option<String>,
    /// The URL as `postgres` may read it.
    pub rest: String,
}

fn bad(url: &str, reason: impl Into<String>) -> TeamError {
    TeamError::Url {
        url: url.to_owned(),
        reason: reason.into(),
    }
}

fn mode(url: &str, value: &str) -> Result<SslMode, TeamError> {
    Ok(match value {
        "disable" => SslMode::Disable,
        "allow" | "prefer" => SslMode::Prefer,
        "require" => SslMode::Require,
        "verify-ca" => SslMode::VerifyCa,
        "verify-full" => SslMode::VerifyFull,
        other => {
            return Err(bad(
                url,
                format!(
                    "sslmode '{other}' bestaat niet (disable, prefer, require, verify-ca of verify-full)"
                ),
            ))
        }
    })
}

/// Takes `sslmode` and `sslrootcert` out of a URL (`postgresql://…?sslmode=…`) or a
/// `key=value` list; `sslmode` goes back as one `postgres` knows.
pub fn options(url: &str) -> Result<TlsOptions, TeamError> {
    let mut found_mode = None;
    let mut root_cert = None;
    let rest = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let (base, query) = url.split_once('?').unwrap_or((url, ""));
        let mut kept = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "sslmode" => found_mode = Some(mode(url, &percent_decoded(value))?),
                "sslrootcert" => root_cert = Some(percent_decoded(value)),
                _ => kept.push(pair.to_owned()),
            }
        }
        let plain = match found_mode {
            Some(SslMode::Disable) => Some("sslmode=disable"),
            Some(_) => Some("sslmode=require"),
            None => None,
        };
        kept.extend(plain.map(str::to_owned));
        if kept.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{}", kept.join("&"))
        }
    } else {
        let mut kept = Vec::new();
        for (key, value, text) in key_values(url).map_err(|reason| bad(url, reason))? {
            match key.as_str() {
                "sslmode" => found_mode = Some(mode(url, &value)?),
                "sslrootcert" => root_cert = Some(value),
                _ => kept.push(text),
            }
        }
        match found_mode {
            Some(SslMode::Disable) => kept.push("sslmode=disable".to_owned()),
            Some(_) => kept.push("sslmode=require".to_owned()),
            None => {}
        }
        kept.join(" ")
    };
    Ok(TlsOptions {
        mode: found_mode.unwrap_or(SslMode::Prefer),
        root_cert,
        rest,
    })
}

/// `%2F` and the like in a URL's value.
fn percent_decoded(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = || std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok();
        match (bytes[i], hex().and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The `key=value` pairs of a libpq connection string, each with its own text: a
/// value may be quoted (`'…'`, with `\'` and `\\`), and `=` may have spaces around it.
fn key_values(text: &str) -> Result<Vec<(String, String, String)>, String> {
    let mut pairs = Vec::new();
    let mut chars = text.char_indices().peekable();
    loop {
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let Some(&(start, _)) = chars.peek() else {
            return Ok(pairs);
        };
        let mut key = String::new();
        while let Some((_, c)) = chars.next_if(|(_, c)| *c != '=' && !c.is_whitespace()) {
            key.push(c);
        }
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        if chars.next().map(|(_, c)| c) != Some('=') {
            return Err(format!("na '{key}' hoort een '='"));
        }
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if(|(_, c)| *c == '\'').is_some() {
            loop {
                match chars.next() {
                    Some((_, '\'')) => break,
                    Some((_, '\\')) => value.extend(chars.next().map(|(_, c)| c)),
                    Some((_, c)) => value.push(c),
                    None => return Err(format!("de waarde van '{key}' mist een sluitend '")),
                }
            }
        } else {
            while let Some((_, c)) = chars.next_if(|(_, c)| !c.is_whitespace()) {
                value.push(c);
            }
        }
        let end = chars.peek().map_or(text.len(), |(i, _)| *i);
        pairs.push((key, value, text[start..end].to_owned()));
    }
}

/// The rustls configuration for these options; `None` for `disable`.
pub fn client_config(options: &TlsOptions) -> Result<Option<rustls::ClientConfig>, TeamError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| TeamError::Tls(e.to_string()))?;
    let named = options.root_cert.as_deref().filter(|r| *r != "system");
    let checks = match options.mode {
        SslMode::Disable => return Ok(None),
        SslMode::Prefer | SslMode::Require if named.is_none() => None,
        SslMode::Prefer | SslMode::Require | SslMode::VerifyCa => Some(false),
        SslMode::VerifyFull => Some(true),
    };
    let verifier: Arc<dyn ServerCertVerifier> = match checks {
        None => Arc::new(Unchecked(provider)),
        Some(host) => {
            let roots = Arc::new(roots(options.root_cert.as_deref())?);
            let webpki = WebPkiServerVerifier::builder_with_provider(roots, provider)
                .build()
                .map_err(|e| TeamError::Tls(e.to_string()))?;
            if host {
                webpki
            } else {
                Arc::new(AnyHost(webpki))
            }
        }
    };
    Ok(Some(
        builder
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth(),
    ))
}

/// The trusted roots: the file named, libpq's `~/.postgresql/root.crt`, or the
/// system's store.
fn roots(named: Option<&str>) -> Result<rustls::RootCertStore, TeamError> {
    let file = match named {
        Some("system") => None,
        Some(path) => Some(PathBuf::from(path)),
        None => std::env::var_os("HOME")
            .map(|home| PathBuf::from(home).join(".postgresql/root.crt"))
            .filter(|path| path.exists()),
    };
    let mut store = rustls::RootCertStore::empty();
    match file {
        Some(path) => {
            let unreadable = |reason: String| {
                TeamError::Tls(format!(
                    "het rootcertificaat {} is niet te lezen: {reason}",
                    path.display()
                ))
            };
            let certs = CertificateDer::pem_file_iter(&path)
                .map_err(|e| unreadable(e.to_string()))?
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| unreadable(e.to_string()))?;
            if certs.is_empty() {
                return Err(unreadable("er staat geen certificaat in".to_owned()));
            }
            for cert in certs {
                store.add(cert).map_err(|e| unreadable(e.to_string()))?;
            }
        }
        None => {
            let found = rustls_native_certs::load_native_certs();
            store.add_parsable_certificates(found.certs);
            if store.is_empty() {
                return Err(TeamError::Tls(
                    "geen rootcertificaten gevonden; noem er een met sslrootcert=PAD".to_owned(),
                ));
            }
        }
    }
    Ok(store)
}

/// `verify-ca`: the chain is checked, the name in it is not.
#[derive(Debug)]
struct AnyHost(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for AnyHost {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, TlsError> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(TlsError::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, TlsError> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, TlsError> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// `prefer` and `require` without a root certificate, as in libpq: encrypted, the
/// certificate taken as it comes (its signature over the handshake still checked).
#[derive(Debug)]
struct Unchecked(Arc<CryptoProvider>);

impl ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, TlsError> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, TlsError> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, TlsError> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tls_options_leave_the_url_as_postgres_reads_it() {
        let o = options("postgresql://sanne@db.gemeente.nl/inbeeld?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem&application_name=x").unwrap();
        assert_eq!(o.mode, SslMode::VerifyFull);
        assert_eq!(o.root_cert.as_deref(), Some("/etc/ca.pem"));
        assert_eq!(
            o.rest,
            "postgresql://sanne@db.gemeente.nl/inbeeld?application_name=x&sslmode=require"
        );
        let o = options("host=db user=sanne sslmode = verify-ca sslrootcert='/pad met spatie/ca.pem' dbname=inbeeld").unwrap();
        assert_eq!(o.mode, SslMode::VerifyCa);
        assert_eq!(o.root_cert.as_deref(), Some("/pad met spatie/ca.pem"));
        assert_eq!(o.rest, "host=db user=sanne dbname=inbeeld sslmode=require");
        let o = options("host=/run/postgresql user=sanne").unwrap();
        assert_eq!(
            (o.mode, o.rest.as_str()),
            (SslMode::Prefer, "host=/run/postgresql user=sanne")
        );
        let o = options("postgresql://db/inbeeld?sslmode=disable").unwrap();
        assert_eq!(
            (o.mode, o.rest.as_str()),
            (SslMode::Disable, "postgresql://db/inbeeld?sslmode=disable")
        );
        assert!(options("host=db sslmode=verify").is_err());
        assert!(options("host=db sslrootcert='open").is_err());
    }
}
