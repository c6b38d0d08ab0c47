package dev.grantex.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * ArchUnit building blocks for "what a caller can see": a type's public signature is its
 * supertypes and type parameters, and the types of its public and protected fields,
 * methods and constructors, type arguments included.
 */
final class ApiSignatures {

	/**
	 * Public types that a caller can reach: public, and if nested, nested in public types
	 * all the way out.
	 */
	static final DescribedPredicate<JavaClass> ARE_PUBLIC_API = DescribedPredicate.describe("are public API",
			ApiSignatures::isPublicApi);

	private ApiSignatures() {
	}

	/**
	 * A condition that fails for every public signature element mentioning a type from
	 * the given packages.
	 * @param packageIdentifier an ArchUnit package identifier such as
	 * {@code dev.grantex.scim.internal..}
	 * @return the condition
	 */
	static ArchCondition<JavaClass> exposeNoTypeFrom(String packageIdentifier) {
		PackageMatcher matcher = PackageMatcher.of(packageIdentifier);
		return new ArchCondition<>("expose no type from " + packageIdentifier + " in a public signature") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				List<JavaType> declaration = new ArrayList<>();
				type.getSuperclass().ifPresent(declaration::add);
				declaration.addAll(type.getInterfaces());
				declaration.addAll(type.getTypeParameters());
				report(events, type, type.getDescription(), declaration, matcher);
				for (JavaMember member : type.getMembers()) {
					if (isVisible(member)) {
						report(events, member, member.getDescription(), signatureOf(member), matcher);
					}
				}
			}

		};
	}

	private static boolean isPublicApi(JavaClass type) {
		if (!type.getModifiers().contains(JavaModifier.PUBLIC) || type.isAnonymousClass() || type.isLocalClass()) {
			return false;
		}
		return type.getEnclosingClass().map(ApiSignatures::isPublicApi).orElse(true);
	}

	private static boolean isVisible(JavaMember member) {
		Set<JavaModifier> modifiers = member.getModifiers();
		return (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED))
				&& !modifiers.contains(JavaModifier.SYNTHETIC);
	}

	private static List<JavaType> signatureOf(JavaMember member) {
		List<JavaType> signature = new ArrayList<>();
		if (member instanceof JavaField field) {
			signature.add(field.getType());
		}
		else if (member instanceof JavaCodeUnit codeUnit) {
			signature.add(codeUnit.getReturnType());
			signature.addAll(codeUnit.getParameterTypes());
			signature.addAll(codeUnit.getTypeParameters());
			signature.addAll(codeUnit.getThrowsClause().getTypes());
		}
		return signature;
	}

	private static void report(ConditionEvents events, Object owner, String description, List<JavaType> signature,
			PackageMatcher matcher) {
		for (JavaType element : signature) {
			for (JavaClass raw : element.getAllInvolvedRawTypes()) {
				if (matcher.matches(raw.getPackageName())) {
					events.add(SimpleConditionEvent.violated(owner,
							description + " exposes " + raw.getName() + " in its public signature"));
				}
			}
		}
	}

}
