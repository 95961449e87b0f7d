"""A corpus of uploads that carry identifying metadata, generated on the fly
(no binaries in the repository), and the checks that none of it survives.

Every builder hides the same marker, in every channel it can: a stored file
that still contains it, in any encoding, or that Pillow/pypdf still report
metadata for, has leaked.
"""

import io
import struct

from PIL import Image as PILImage
from PIL import ImageCms
from PIL.PngImagePlugin import PngInfo
from pypdf import PdfReader, PdfWriter

MARKER = "JaneDefender"
GPS_IFD = 0x8825
MAKE, MODEL, ARTIST = 0x010F, 0x0110, 0x013B
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
    f"<dc:creator>{MARKER}</dc:creator></rdf:Description>"
    "</rdf:RDF></x:xmpmeta>"
).encode()


def _exif():
    exif = PILImage.Exif()
    exif[MAKE] = f"{MARKER} PhoneMaker"
    exif[MODEL] = f"{MARKER} Phone 9"
    exif[ARTIST] = MARKER
    exif.get_ifd(GPS_IFD).update(
        {1: "N", 2: (46.0, 12.0, 0.0), 3: "E", 4: (6.0, 8.0, 0.0)}
    )
    return exif.tobytes()


def _mluc(text):
    encoded = text.encode("utf-16-be")
    return (
        b"mluc\0\0\0\0"
        + struct.pack(">II2s2sII", 1, 12, b"en", b"US", len(encoded), 28)
        + encoded
    )


def icc_naming_a_device():
    """An sRGB profile whose device manufacturer/model tags name a person."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    count = struct.unpack(">I", profile[128:132])[0]
    new_tags = [(b"dmnd", _mluc(MARKER)), (b"dmdd", _mluc(f"{MARKER}'s phone"))]
    shift = 12 * len(new_tags)  # the tag table grows by one entry per tag
    entries = [
        (sig, offset + shift, size)
        for sig, offset, size in struct.iter_unpack(
            ">4sII", profile[132 : 132 + 12 * count]
        )
    ]
    data = bytearray(profile[132 + 12 * count :])
    for sig, tag in new_tags:
        data += b"\0" * ((-len(data)) % 4)
        entries.append(
            (sig, 132 + 12 * len(new_tags) + 12 * count + len(data), len(tag))
        )
        data += tag
    table = struct.pack(">I", len(entries)) + b"".join(
        struct.pack(">4sII", *entry) for entry in entries
    )
    whole = profile[4:128] + table + bytes(data)
    return struct.pack(">I", len(whole) + 4) + whole


def _picture(colour=(200, 30, 30), size=(60, 40)):
    return PILImage.new("RGB", size, colour)


def mpo_with_gps():
    """A phone's multi-picture JPEG: two frames, GPS, Artist and Make."""
    buffer = io.BytesIO()
    _picture().save(
        buffer,
        format="MPO",
        save_all=True,
        append_images=[_picture((30, 30, 200))],
        exif=_exif(),
    )
    return buffer.getvalue()


def _app13_iptc(jpeg):
    """The JPEG with a Photoshop APP13 segment holding an IPTC by-line."""
    value = MARKER.encode()
    iptc = b"\x1c\x02\x50" + struct.pack(">H", len(value)) + value
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    payload = b"Photoshop 3.0\x00" + resource
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    return jpeg[:2] + segment + jpeg[2:]


def jpeg_with_everything():
    """EXIF with GPS, XMP, a comment (COM), IPTC and a device-naming ICC."""
    buffer = io.BytesIO()
    _picture().save(
        buffer,
        format="JPEG",
        exif=_exif(),
        xmp=XMP,
        comment=f"Taken by {MARKER}",
        icc_profile=icc_naming_a_device(),
    )
    return _app13_iptc(buffer.getvalue())


def jpeg_with_comment():
    """Only a JPEG comment: no EXIF for a metadata check to notice."""
    buffer = io.BytesIO()
    _picture().save(buffer, format="JPEG", comment=f"Taken by {MARKER}")
    return buffer.getvalue()


def png_with_text():
    info = PngInfo()
    info.add_text("Author", MARKER)
    info.add_text("Comment", f"{MARKER} compressed", zip=True)
    info.add_itxt("Description", f"{MARKER} international", lang="en")
    buffer = io.BytesIO()
    _picture().save(buffer, format="PNG", pnginfo=info, exif=_exif())
    return buffer.getvalue()


def _modern(image_format):
    buffer = io.BytesIO()
    _picture().save(
        buffer,
        format=image_format,
        exif=_exif(),
        xmp=XMP,
        icc_profile=icc_naming_a_device(),
    )
    return buffer.getvalue()


def webp_with_exif():
    return _modern("WEBP")


def avif_with_exif():
    return _modern("AVIF")


IMAGES = {
    "phone.jpg (MPO, GPS)": ("phone.jpg", mpo_with_gps),
    "everything.jpg (EXIF, XMP, COM, IPTC, ICC)": ("all.jpg", jpeg_with_everything),
    "comment.jpg (COM only)": ("comment.jpg", jpeg_with_comment),
    "text.png (tEXt, zTXt, iTXt, eXIf)": ("text.png", png_with_text),
    "photo.webp (EXIF, XMP, ICC)": ("photo.webp", webp_with_exif),
    "photo.avif (EXIF, XMP, ICC)": ("photo.avif", avif_with_exif),
}


def image_leaks(data):
    """What in the image bytes `data` still carries metadata (empty: nothing)."""
    found = []
    for encoding in ("ascii", "utf-16-be", "utf-16-le"):
        if MARKER.encode(encoding) in data:
            found.append(f"marker ({encoding})")
    with PILImage.open(io.BytesIO(data)) as picture:
        if picture.format == "MPO" or getattr(picture, "n_frames", 1) > 1:
            found.append(f"{picture.format} with {picture.n_frames} frames")
        exif = picture.getexif()
        if exif.get_ifd(GPS_IFD):
            found.append("GPS")
        found.extend(
            name
            for tag, name in ((MAKE, "Make"), (MODEL, "Model"), (ARTIST, "Artist"))
            if tag in exif
        )
        for key in ("xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc"):
            if picture.info.get(key):
                found.append(key)
        if getattr(picture, "text", None):
            found.append("PNG text: " + ", ".join(picture.text))
        icc = picture.info.get("icc_profile")
        if icc:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc)).profile
            texts = (
                profile.manufacturer,
                profile.model,
                profile.profile_description,
                profile.copyright,
            )
            if any(text and MARKER in text for text in texts):
                found.append("ICC text")
    return found


def _pdf(encrypt=None):
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata(
        {
            "/Title": "Annual report",
            "/Author": MARKER,
            "/Creator": f"Word for {MARKER}'s laptop",
            "/Producer": "PDF tool 1.0",
            "/Keywords": f"{MARKER}, sources",
        }
    )
    writer.xmp_metadata = XMP
    if encrypt:
        writer.encrypt(**encrypt)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_with_xmp():
    return _pdf()


def pdf_empty_password_rc4():
    return _pdf({"user_password": "", "owner_password": "own", "algorithm": "RC4-128"})


def pdf_empty_password_aes():
    return _pdf({"user_password": "", "owner_password": "own", "algorithm": "AES-256"})


def pdf_real_password():
    return _pdf(
        {"user_password": "secret", "owner_password": "own", "algorithm": "AES-128"}
    )


PDFS = {
    "report.pdf (Info, XMP)": pdf_with_xmp,
    "rc4.pdf (empty user password, RC4)": pdf_empty_password_rc4,
    "aes.pdf (empty user password, AES-256)": pdf_empty_password_aes,
}


def pdf_leaks(data):
    """What in the PDF bytes `data` still carries metadata (empty: nothing)."""
    found = []
    if MARKER.encode() in data or b"PDF tool" in data:
        found.append("marker in bytes")
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        found.append("still encrypted")
        reader.decrypt("")
    metadata = reader.metadata or {}
    found.extend(
        key
        for key in ("/Author", "/Creator", "/Producer", "/Keywords")
        if key in metadata
    )
    if reader.xmp_metadata is not None:
        found.append("XMP")
    if any(MARKER in str(value) for value in metadata.values()):
        found.append("marker in Info")
    return found
