//! TLS to the team's server, with libpq's `sslmode` and `sslrootcert`:
//!
//! - `disable`: no TLS;
//! - `prefer` (libpq's default): TLS when the server offers it, else without;
//!   `require`: TLS or no connection. Either checks the certificate only when a root
//!   is at hand (`sslrootcert`, or `~/.postgresql/root.crt`), then as `verify-ca`;
//! - `verify-ca`: the certificate must chain to a trusted root;
//! - `verify-full` (recommended): and it must be made out to the host connected to.
//!
//! The roots are `sslrootcert` (a PEM file) or else `~/.postgresql/root.crt`, as in
//! libpq; `verify-*` without either is refused. `sslrootcert=system` takes the
//! system's store, and then only with `verify-full` (its default there): any
//! publicly trusted certificate chains to it. As in libpq, `PGSSLMODE` and
//! `PGSSLROOTCERT` stand in for options the URL leaves out. The options are taken
//! out of the URL before `postgres` reads it, which knows only the first three.

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
        kept.extend(as_postgres(found_mode).map(str::to_owned));
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
        kept.extend(as_postgres(found_mode).map(str::to_owned));
        kept.join(" ")
    };
    let root_cert = root_cert.or_else(|| std::env::var("PGSSLROOTCERT").ok());
    let system = root_cert.as_deref() == Some("system");
    let mode = match (found_mode, std::env::var("PGSSLMODE").ok()) {
        (Some(mode), _) => mode,
        (None, Some(value)) => mode(url, &value)?,
        // libpq 16: the system's roots make verify-full the default.
        (None, None) if system => SslMode::VerifyFull,
        (None, None) => SslMode::Prefer,
    };
    if system && mode != SslMode::VerifyFull {
        return Err(bad(
            url,
            "sslrootcert=system gaat alleen met sslmode=verify-full: elk publiek \
             vertrouwd certificaat hoort bij die wortels",
        ));
    }
    // `postgres` knows the mode only from the URL; one from the environment goes in.
    let rest = match (found_mode, as_postgres(Some(mode))) {
        (None, Some(option)) if mode != SslMode::Prefer => {
            if url.starts_with("postgres://") || url.starts_with("postgresql://") {
                let joint = if rest.contains('?') { '&' } else { '?' };
                format!("{rest}{joint}{option}")
            } else {
                format!("{rest} {option}")
            }
        }
        _ => rest,
    };
    Ok(TlsOptions {
        mode,
        root_cert,
        rest,
    })
}

/// The mode as `postgres` takes it: it knows `disable`, `prefer` and `require`; the
/// checks of `verify-*` are this module's.
fn as_postgres(mode: Option<SslMode>) -> Option<&'static str> {
    Some(match mode? {
        SslMode::Disable => "sslmode=disable",
        SslMode::Prefer => "sslmode=prefer",
        SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => "sslmode=require",
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
    let file = root_file(options.root_cert.as_deref());
    let checks = match options.mode {
        SslMode::Disable => return Ok(None),
        SslMode::Prefer | SslMode::Require if file.is_none() => None,
        SslMode::Prefer | SslMode::Require | SslMode::VerifyCa => Some(false),
        SslMode::VerifyFull => Some(true),
    };
    let verifier: Arc<dyn ServerCertVerifier> = match checks {
        None => Arc::new(Lenient {
            chain: None,
            provider,
        }),
        Some(host) => {
            let system = options.root_cert.as_deref() == Some("system");
            if file.is_none() && !system {
                return Err(TeamError::Tls(
                    "geen rootcertificaat om de server aan te toetsen: noem er een met \
                     sslrootcert=PAD (of zet het in ~/.postgresql/root.crt)"
                        .to_owned(),
                ));
            }
            let roots = Arc::new(roots(file)?);
            let webpki = WebPkiServerVerifier::builder_with_provider(roots, provider.clone())
                .build()
                .map_err(|e| TeamError::Tls(e.to_string()))?;
            if host {
                webpki
            } else {
                Arc::new(Lenient {
                    chain: Some(webpki),
                    provider,
                })
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

/// The file of trusted roots: the one named, else libpq's `~/.postgresql/root.crt`
/// when it is there; none for `system`.
fn root_file(named: Option<&str>) -> Option<PathBuf> {
    match named {
        Some("system") => None,
        Some(path) => Some(PathBuf::from(path)),
        None => super::password::libpq_file(".postgresql/root.crt", "root.crt")
            .filter(|path| path.exists()),
    }
}

/// The trusted roots: those in `file`, or the system's store.
fn roots(file: Option<PathBuf>) -> Result<rustls::RootCertStore, TeamError> {
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

/// A verifier weaker than `verify-full`: `verify-ca` checks the chain (`chain`) and
/// not the name in it; `prefer` and `require` without a root, as in libpq, take the
/// certificate as it comes (`chain` none). Either checks the certificate's signature
/// over the handshake, as the full verifier does, with the same algorithms.
#[derive(Debug)]
struct Lenient {
    chain: Option<Arc<WebPkiServerVerifier>>,
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for Lenient {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, TlsError> {
        let Some(chain) = &self.chain else {
            return Ok(ServerCertVerified::assertion());
        };
        match chain.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now) {
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
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
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
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
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
        let o = options("host=db sslmode=prefer").unwrap();
        assert_eq!(
            (o.mode, o.rest.as_str()),
            (SslMode::Prefer, "host=db sslmode=prefer")
        );
        // The system's roots: verify-full by default, and nothing weaker.
        let o = options("host=db sslrootcert=system").unwrap();
        assert_eq!(
            (o.mode, o.rest.as_str()),
            (SslMode::VerifyFull, "host=db sslmode=require")
        );
        assert!(options("host=db sslmode=verify-ca sslrootcert=system").is_err());
        assert!(options("host=db sslmode=require sslrootcert=system").is_err());
        assert!(options("host=db sslmode=verify").is_err());
        assert!(options("host=db sslrootcert='open").is_err());
    }
}
