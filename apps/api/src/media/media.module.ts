import { Module } from '@nestjs/common';
import { loadConfig } from '@tandem/config';
import { MediaDownloader } from './media-downloader.service';
import { MediaController } from './media.controller';
import { MediaService } from './media.service';
import { LocalDiskMediaStorage } from './storage/local-disk.storage';
import { MediaStorage } from './storage/media-storage';

/** Received media downloaded into the storage, served back, and uploads for sends (docs/media.md). */
@Module({
  controllers: [MediaController],
  providers: [
    { provide: MediaStorage, useFactory: () => new LocalDiskMediaStorage(loadConfig(['media']).MEDIA_STORAGE_DIR) },
    MediaDownloader,
    MediaService,
  ],
  exports: [MediaService, MediaDownloader],
})
export class MediaModule {}
