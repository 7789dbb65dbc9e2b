import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'tandem:public';

/** Marks a route as reachable without the admin token (health, Meta's webhook). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
