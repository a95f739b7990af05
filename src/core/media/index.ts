// Photos: choose (camera/album, after consent) → compress (≤ 1600 px, ≤ 300 KB) → upload with progress.
export { choosePhotos, type ChosenPhoto, type PhotoChoice } from './choose'
export { compressPhoto, PhotoRefused, type CompressedPhoto } from './compress'
export { MAX_EDGE, MAX_SENT_BYTES, MAX_SOURCE_BYTES, NOT_AN_IMAGE, PHOTO_TOO_LARGE, fitWithin, refusalOf } from './limits'
export { photoSrc, uploadPhoto, type UploadOptions } from './upload'
export { photoSrcs, usePhotoSrc } from './use-photo-src'
export { isReadable, PHOTO_GONE, sendPhoto, type PhotoStage } from './send'
export { settlePhoto, type DraftPhoto, type PhotoStatus } from './draft-photo'
export { chooseDraftPhotos, uploadDraftPhoto } from './upload-draft'
