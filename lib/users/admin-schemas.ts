import { z } from 'zod';
import { roleEnum } from '@/db/schema/enums';

export const MIN_PASSWORD_LENGTH = 12;
const Password = z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(256);
const PortSlug = z.string().trim().min(1).max(40);

export const NewUserSchema = z
  .object({
    email: z.email().trim().max(320),
    name: z.string().trim().min(2).max(120),
    role: z.enum(roleEnum.enumValues),
    portSlug: PortSlug.nullish(),
    password: Password,
  })
  .strict()
  .refine((u) => u.role !== 'officer' || !!u.portSlug, { path: ['portSlug'], message: 'an officer needs a port' })
  .meta({ id: 'NewUser' });

export const UserChangeSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    active: z.boolean(),
    role: z.enum(roleEnum.enumValues),
    portSlug: PortSlug.nullable(),
    password: Password,
  })
  .partial()
  .strict()
  .meta({ id: 'UserChange' });

export const OwnPasswordChangeSchema = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: Password })
  .strict()
  .refine((b) => b.currentPassword !== b.newPassword, { path: ['newPassword'], message: 'must differ from the current password' });

export const AdminUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roleEnum.enumValues),
    portSlug: z.string().nullable(),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    lastSignInAt: z.string().nullable(),
    createdAt: z.string(),
    openSessions: z.number().int().describe('Sessions that end if the account is deactivated'),
  })
  .meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof AdminUserSchema>;
