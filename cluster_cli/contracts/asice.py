"""ASiC-E containers (DigiDoc, `.asice`) of the rendered contracts, through pyasice: packaging a
contract for signing (`contracts render --asice`) and reading the signatures of a returned one
(`contracts signatures`).

A container is `<contract>.asice` beside the contract's DOCX: the `mimetype` entry first and
stored, `META-INF/manifest.xml`, the DOCX (and its PDF with `--pdf`). A container that holds a
signature is never replaced: the signed one is the contract.

Verification is offline, as far as the signature itself goes: the signature value over the
signed info (the signer certificate's key), the digest of the signed properties, each data
file's digest, the signing certificate's digest in the signed properties and its validity
dates at the signing time. Whether the certificate was revoked (OCSP) and the time-stamp
(TSA) are not checked — that needs the network; DigiDoc4 shows it.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from cluster_cli.i18n import N_

if TYPE_CHECKING:
    from cluster_cli.contracts.folder import Transaction
    from cluster_cli.contracts.plan import Job

SUFFIX = ".asice"
MIME_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
}
SIGNATURE_FILE = re.compile(r"^META-INF/.*signatures.*\.xml$")
"""A signature file of an ASiC-E container (ETSI EN 319 162-1: a name with `signatures`)."""


# --- the library ----------------------------------------------------------------------------


def library():
    """pyasice, imported. Its oscrypto (1.3.0, the last release) cannot read the version of an
    OpenSSL 3.0.10 or later on Linux and fails on import (oscrypto issue 78): then its two names
    pyasice imports — `Certificate` and `load_certificate`, used only to make a signature — come
    from asn1crypto (`_oscrypto_stand_in`). Nothing of oscrypto is used to read a container."""
    try:
        import pyasice
    except Exception as exc:  # oscrypto.errors.LibraryNotFoundError
        if type(exc).__name__ != "LibraryNotFoundError":
            raise
        _oscrypto_stand_in()
        import pyasice
    return pyasice


def _oscrypto_stand_in() -> None:
    import sys
    import types

    import oscrypto
    from asn1crypto import pem, x509

    class Certificate:
        """The part of oscrypto's certificate pyasice reads: `.asn1`, `.public_key.algorithm`."""

        def __init__(self, asn1: x509.Certificate):
            self.asn1 = asn1
            self.public_key = types.SimpleNamespace(algorithm=asn1.public_key.algorithm)

    def load_certificate(source) -> Certificate:
        if isinstance(source, x509.Certificate):
            return Certificate(source)
        if isinstance(source, str):
            source = Path(source).read_bytes()
        if pem.detect(source):
            _, _, source = pem.unarmor(source)
        return Certificate(x509.Certificate.load(source))

    module = types.ModuleType("oscrypto.asymmetric")
    module.Certificate, module.load_certificate = Certificate, load_certificate
    sys.modules["oscrypto.asymmetric"] = module
    oscrypto.asymmetric = module


# --- packaging ---------------------------------------------------------------------------------


def container_bytes(files: list[tuple[str, bytes]]) -> bytes:
    """An unsigned ASiC-E container of `files` (name, bytes), as DigiDoc4 opens and signs it."""
    container = library().Container()
    for name, data in files:
        container.add_file(name, data, MIME_TYPES.get(Path(name).suffix.lower(), "application/octet-stream"))
    return bytes(container.finalize().getbuffer())


def data_files(raw: bytes) -> dict[str, bytes]:
    """The data files of a container (not `mimetype`, not META-INF)."""
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        return {n: z.read(n) for n in z.namelist() if n != "mimetype" and not n.startswith("META-INF/")}


def signature_names(raw: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        return sorted(n for n in z.namelist() if SIGNATURE_FILE.match(n))


@dataclass
class Packed:
    """One container of a run: `created`, `updated`, `unchanged`, `signed` (kept: it holds a
    signature; `changed` when the contract differs from what was signed), `refused` (a file
    of that name that is not a container) or `not-to-sign` (no new container: the contract is
    already signed — valid, finished — or cancelled)."""

    path: Path
    status: str
    changed: bool = False
    rel: str = ""
    """The container's path relative to the output folder, as the run shows it."""


NOT_TO_SIGN = ("valid", "finished", "cancelled")
"""A placement whose contract is signed already (or cancelled) gets no container to sign."""


def package(jobs: list[Job], with_pdf: bool, tx: Transaction) -> list[Packed]:
    """A container beside each written contract (created, updated or unchanged), with its PDF
    when `with_pdf` and the PDF is there. Written through the transaction (atomic; a failed run
    rolls back), never over a container that holds a signature."""
    done: list[Packed] = []
    for job in jobs:
        if job.status not in ("created", "updated", "unchanged") or job.path is None or not job.path.is_file():
            continue
        files = [(job.path.name, job.path.read_bytes())]
        pdf = job.path.with_suffix(".pdf")
        if with_pdf and pdf.is_file():
            files.append((pdf.name, pdf.read_bytes()))
        target = job.path.with_suffix(SUFFIX)
        rel = Path(job.rel).with_suffix(SUFFIX).as_posix()
        status = ((job.context or {}).get("placement") or {}).get("status")
        if status in NOT_TO_SIGN and not target.exists():
            done.append(Packed(target, "not-to-sign", rel=rel))
            continue
        state = "created"
        if target.exists():
            try:
                raw = target.read_bytes()
                signed, same = bool(signature_names(raw)), data_files(raw) == dict(files)
            except (zipfile.BadZipFile, OSError, KeyError):
                done.append(Packed(target, "refused", rel=rel))
                continue
            if signed:
                done.append(Packed(target, "signed", changed=not same, rel=rel))
                continue
            if same:
                done.append(Packed(target, "unchanged", rel=rel))
                continue
            state = "updated"
        tx.write(target, container_bytes(files), new=state == "created")
        done.append(Packed(target, state, rel=rel))
    return done


# --- reading signatures ------------------------------------------------------------------------

NS = {
    "asic": "http://uri.etsi.org/02918/v1.2.1#",
    "ds": "http://www.w3.org/2000/09/xmldsig#",
    "xades": "http://uri.etsi.org/01903/v1.3.2#",
}
SIGNED_PROPERTIES = ("http://uri.etsi.org/01903#SignedProperties", "http://uri.etsi.org/01903/v1.1.1#SignedProperties")
DIGESTS = {"sha224": hashlib.sha224, "sha256": hashlib.sha256, "sha384": hashlib.sha384, "sha512": hashlib.sha512,
           "sha1": hashlib.sha1}


@dataclass
class Signer:
    """Who the certificate names: the personal code (`PNOEE-…` or the CN's last part), its
    country, and the name as people write it."""

    code: str | None
    country: str | None
    name: str


@dataclass
class SignatureCheck:
    """One signature of a container. `problem` is None when it verified, else a catalogue key
    (`asice.invalid.*`) with `detail`."""

    file: str
    signer: Signer | None
    signed_at: datetime | None
    problem: str | None = None
    detail: str = ""

    @property
    def day(self) -> date | None:
        """The signing day in Estonia (a signature at 23:30 UTC is the next day in Tallinn)."""
        if self.signed_at is None:
            return None
        from zoneinfo import ZoneInfo

        return self.signed_at.astimezone(ZoneInfo("Europe/Tallinn")).date()


@dataclass
class ContainerRead:
    """A container as read: its data files and each signature checked — or `problem` (a
    catalogue key: not a zip, not an ASiC-E container) when it cannot be read at all."""

    path: Path
    files: list[str] = field(default_factory=list)
    signatures: list[SignatureCheck] = field(default_factory=list)
    problem: str | None = None
    detail: str = ""


def read_container(path: Path) -> ContainerRead:
    """Open `path` and check each of its signatures offline (see the module's docstring)."""
    pyasice = library()
    out = ContainerRead(path)
    try:
        raw = path.read_bytes()
        with pyasice.Container(io.BytesIO(raw)):  # checks the container: mimetype first, the manifest
            pass
        files = data_files(raw)
    except (OSError, zipfile.BadZipFile, pyasice.PyAsiceError, ValueError, KeyError) as exc:
        out.problem, out.detail = N_("asice.unreadable"), str(exc) or type(exc).__name__
        return out
    out.files = sorted(files)
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        for name in signature_names(raw):
            out.signatures.append(check_signature(name, z.read(name), files, pyasice))
    return out


def check_signature(name: str, xml: bytes, files: dict[str, bytes], pyasice) -> SignatureCheck:
    """One signature file checked against the container's data files. A signature file the checks
    cannot even take apart (a missing node, bad base64) is invalid, never a crash."""
    try:
        return _check(name, xml, files, pyasice)
    except Exception as exc:  # noqa: BLE001 - whatever a malformed XAdES file makes pyasice or lxml raise
        return SignatureCheck(name, None, None, N_("asice.invalid.xml"), f"{type(exc).__name__}: {exc}")


def _check(name: str, xml: bytes, files: dict[str, bytes], pyasice) -> SignatureCheck:
    try:
        sig = pyasice.XmlSignature(xml)
    except Exception as exc:  # lxml's XMLSyntaxError, a root that is not XAdESSignatures
        return SignatureCheck(name, None, None, N_("asice.invalid.xml"), str(exc))
    check = SignatureCheck(name, None, _signing_time(sig))
    cert_der = sig.get_certificate_value()
    if cert_der is None:
        check.problem = N_("asice.invalid.certificate")
        return check
    from cryptography import x509

    try:
        cert = x509.load_der_x509_certificate(cert_der)
    except ValueError as exc:
        check.problem, check.detail = N_("asice.invalid.certificate"), str(exc)
        return check
    check.signer = signer_of(cert)
    try:
        sig.verify()  # the signed properties' digest, then the signature value over the signed info
    except (pyasice.SignatureVerificationError, pyasice.PyAsiceError, ValueError, TypeError) as exc:
        check.problem, check.detail = N_("asice.invalid.value"), str(exc) or type(exc).__name__
        return check
    problem = _data_problem(sig, files) or _certificate_problem(sig, cert, cert_der, check.signed_at)
    if problem is not None:
        check.problem, check.detail = problem
    return check


def _signing_time(sig) -> datetime | None:
    text = sig.get_signing_time()
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00")).astimezone(timezone.utc) if text else None
    except ValueError:
        return None


def _digest(method_node, data: bytes) -> bytes | None:
    algorithm = method_node.attrib.get("Algorithm", "").rsplit("#", 1)[-1] if method_node is not None else ""
    fn = DIGESTS.get(algorithm)
    return fn(data).digest() if fn else None


def _data_problem(sig, files: dict[str, bytes]) -> tuple[str, str] | None:
    """A data file whose digest differs from the signed one, a signed file that is missing, or a
    file of the container the signature does not cover (added after signing)."""
    covered = set()
    for ref in sig.xml.findall("./ds:Signature/ds:SignedInfo/ds:Reference", NS):
        if ref.attrib.get("Type") in SIGNED_PROPERTIES:
            continue
        name = unquote(ref.attrib.get("URI", ""))
        covered.add(name)
        if name not in files:
            return N_("asice.invalid.missing-file"), name
        value = ref.findtext("ds:DigestValue", "", NS).strip()
        if _digest(ref.find("ds:DigestMethod", NS), files[name]) != base64.b64decode(value or b""):
            return N_("asice.invalid.data"), name
    extra = sorted(set(files) - covered)
    if extra:
        return N_("asice.invalid.unsigned-file"), extra[0]
    return None


def _certificate_problem(sig, cert, cert_der: bytes, signed_at: datetime | None) -> tuple[str, str] | None:
    """The signing certificate's digest in the signed properties differs (another certificate
    was put in), or the certificate was not valid on the signing time."""
    digest_node = sig.xml.find(".//xades:SigningCertificate//ds:DigestValue", NS)
    if digest_node is None:
        digest_node = sig.xml.find(".//xades:SigningCertificateV2//ds:DigestValue", NS)
    if digest_node is not None and digest_node.text:
        method = digest_node.getparent().find("ds:DigestMethod", NS)
        if _digest(method, cert_der) != base64.b64decode(digest_node.text.strip()):
            return N_("asice.invalid.certificate"), ""
    if signed_at is not None and not (cert.not_valid_before_utc <= signed_at <= cert.not_valid_after_utc):
        return N_("asice.invalid.expired"), f"{cert.not_valid_before_utc:%Y-%m-%d}…{cert.not_valid_after_utc:%Y-%m-%d}"
    return None


def signer_of(cert) -> Signer:
    """The signer a certificate names: the subject's serialNumber (`PNOEE-38001010000`, ETSI
    EN 319 412-1; older cards: the bare code) or else the CN's last part (`TAMM,MARI,…`)."""
    from cryptography.x509.oid import NameOID

    def first(oid) -> str | None:
        values = cert.subject.get_attributes_for_oid(oid)
        return str(values[0].value) if values else None

    cn = first(NameOID.COMMON_NAME) or ""
    code, country = None, None
    serial = first(NameOID.SERIAL_NUMBER)
    m = re.fullmatch(r"(?:PNO|IDC)([A-Z]{2})-(.+)", serial or "")
    if m:
        country, code = m.group(1), m.group(2)
    elif serial and serial.isdigit():
        code = serial
    parts = [p.strip() for p in cn.split(",")]
    if code is None and len(parts) == 3 and parts[2].isdigit():
        code = parts[2]
    given, surname = first(NameOID.GIVEN_NAME), first(NameOID.SURNAME)
    if given is None and surname is None and len(parts) == 3:
        surname, given = parts[0], parts[1]
    name = " ".join(x for x in (given, surname) if x) or cn
    return Signer(code, country or (first(NameOID.COUNTRY_NAME) if code else None), _people_case(name))


def _people_case(name: str) -> str:
    """`MARI-LIIS TAMM` → `Mari-Liis Tamm` (certificates write names in capitals)."""
    return name.title() if name.isupper() else name
