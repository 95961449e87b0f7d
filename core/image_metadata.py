"""Uploaded images lose every channel that can name a person, a device or a
place: EXIF (GPS, Make, Artist), XMP, IPTC/Photoshop blocks, JPEG comments,
PNG text chunks, the extra pictures of a phone's multi-picture JPEG (MPO), and
the text of ICC colour profiles.

The image is rebuilt from its pixels alone: Pillow copies `info` (comment,
XMP, EXIF) into the files it saves, and Wagtail's renditions (Willow) copy
EXIF and the ICC profile from the original, so only a fresh image with
nothing in `info` is safe. Colour survives: pixels in another colour space
are converted to sRGB and carry a generic sRGB profile, which names nobody.
"""

import io
import logging

logger = logging.getLogger(__name__)

# Formats the site accepts (WAGTAILIMAGES_EXTENSIONS), by Pillow's format
# name, and the format each is stored as. A phone's MPO is stored as the
# plain JPEG of its first picture.
_STORED_FORMAT = {
    "JPEG": "JPEG",
    "MPO": "JPEG",
    "PNG": "PNG",
    "WEBP": "WEBP",
    "AVIF": "AVIF",
}
_METADATA_KEYS = {
    "exif",
    "xmp",
    "XML:com.adobe.xmp",
    "comment",
    "photoshop",
    "iptc",
    "icc_profile",
}
_SAVE_OPTIONS = {
    "JPEG": {"quality": 92, "optimize": True},
    "WEBP": {"quality": 90},
    "AVIF": {"quality": 90},
    "PNG": {"optimize": True},
}


class ImageNotCleanable(ValueError):
    """The image cannot be stored without its metadata."""


def has_metadata(picture):
    if picture.format == "MPO" or getattr(picture, "n_frames", 1) > 1:
        return True
    if picture.getexif():
        return True
    if any(picture.info.get(key) for key in _METADATA_KEYS):
        return True
    # PNG text chunks (tEXt, zTXt, iTXt) hold free-form text such as "Author".
    return bool(getattr(picture, "text", None))


def _in_srgb(picture):
    """The pixels in sRGB, and a generic sRGB profile, if they had a profile."""
    from PIL import ImageCms

    icc = picture.info.get("icc_profile")
    if not icc:
        return picture, None
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    mode = "RGBA" if "A" in picture.getbands() else "RGB"
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(picture, source, srgb, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        # An unreadable profile: keep the pixels as they are, drop its text.
        logger.info("Unreadable ICC profile in an upload: dropped.")
        return picture, None
    return converted, srgb.tobytes()


def _pixels_only(picture):
    """A new image with the same pixels and an empty `info`."""
    from PIL import Image

    fresh = Image.new(picture.mode, picture.size)
    fresh.paste(picture)
    if picture.mode == "P":
        fresh.putpalette(picture.getpalette())
    return fresh


def _animation_without_metadata(picture, stored_format):
    """Every frame of an animated PNG/WebP/AVIF, rebuilt from its pixels."""
    from PIL import ImageSequence

    frames, durations = [], []
    for frame in ImageSequence.Iterator(picture):
        durations.append(frame.info.get("duration", 100))
        frames.append(_pixels_only(frame.convert("RGBA")))
    output = io.BytesIO()
    frames[0].save(
        output,
        format=stored_format,
        save_all=True,
        append_images=frames[1:],
        duration=durations,
        loop=picture.info.get("loop", 0),
    )
    return output.getvalue()


def strip_image_metadata(data):
    """The image in `data` (bytes) rebuilt without metadata, upright.

    Returns None when there is nothing to strip, so untouched files keep their
    exact bytes; raises ImageNotCleanable when it cannot be cleaned.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as picture:
            stored_format = _STORED_FORMAT.get(picture.format)
            if stored_format is None:
                # Wagtail refuses other formats before this; do not guess.
                return None
            if not has_metadata(picture):
                return None
            if picture.format != "MPO" and getattr(picture, "is_animated", False):
                return _animation_without_metadata(picture, stored_format)
            picture.seek(0)  # the first picture of an MPO
            # Turn the pixels as the EXIF orientation says, before dropping it.
            upright = ImageOps.exif_transpose(picture)
            upright.info["icc_profile"] = picture.info.get("icc_profile")
            coloured, profile = _in_srgb(upright)
            cleaned = _pixels_only(coloured)
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise ImageNotCleanable(str(error)) from error
    if stored_format == "JPEG" and cleaned.mode not in ("RGB", "L", "CMYK"):
        cleaned = cleaned.convert("RGB")
    options = dict(_SAVE_OPTIONS[stored_format])
    if profile:
        options["icc_profile"] = profile
    output = io.BytesIO()
    # Nothing but pixels and a generic profile: no exif=, xmp=, comment=, pnginfo=.
    cleaned.save(output, format=stored_format, **options)
    return output.getvalue()
